package dev.triad.shop;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same assertions against the packaged server jar. */
@QuarkusIntegrationTest
class IsolationIT extends IsolationTest {
}
