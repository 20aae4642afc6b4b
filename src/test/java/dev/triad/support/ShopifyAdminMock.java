package dev.triad.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

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

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
        }
        return server;
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
