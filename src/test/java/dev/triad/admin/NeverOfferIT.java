package dev.triad.admin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same assertions against the packaged server jar. */
@QuarkusIntegrationTest
class NeverOfferIT extends NeverOfferTest {
}
