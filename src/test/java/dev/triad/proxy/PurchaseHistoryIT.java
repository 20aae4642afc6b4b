package dev.triad.proxy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same assertions against the packaged server jar. */
@QuarkusIntegrationTest
class PurchaseHistoryIT extends PurchaseHistoryTest {
}
