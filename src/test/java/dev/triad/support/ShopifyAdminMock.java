package dev.triad.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Shopify's Admin API for tests: a WireMock server on loopback that tests script with the request
 * and response shapes of Shopify's documentation. Triad reaches a shop's Admin API at
 * {@code http://127.0.0.1:<port>/<shop>}; the tests reach the server through {@link #server()}.
 */
public class ShopifyAdminMock implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "test-shopify-client-id";
    /** 32 bytes in base64: the key the tests' access tokens are encrypted under. */
    public static final String TOKEN_KEY = "dHJpYWQtdGVzdC10b2tlbi1rZXktMzItYnl0ZXMhISE=";

    /** Started the first time a test asks for it. */
    private static final class Started {
        static final WireMockServer SERVER = KlaviyoMock.loopback();
    }

    public static WireMockServer server() {
        return Started.SERVER;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("triad.shopify.admin-url", "http://127.0.0.1:" + server().port() + "/{shop}",
                "triad.shopify.api-key", CLIENT_ID,
                "triad.shopify.token-key", TOKEN_KEY);
    }

    @Override
    public void stop() {
        // One server for the whole run: stopped with the JVM.
    }
}
