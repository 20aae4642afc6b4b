package dev.triad.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same assertions against the packaged server jar. */
@QuarkusIntegrationTest
class ShopifyWebhookIT extends ShopifyWebhookTest {
}
