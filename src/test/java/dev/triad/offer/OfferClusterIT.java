package dev.triad.offer;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same assertions against the packaged server jar. */
@QuarkusIntegrationTest
class OfferClusterIT extends OfferClusterTest {
}
