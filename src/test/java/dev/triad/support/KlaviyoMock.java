package dev.triad.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Klaviyo's API for tests: a WireMock server on loopback that tests script with the shapes of Klaviyo's Create
 * Event documentation (developers.klaviyo.com/en/reference/create_event, revision 2026-10-15: 202 with no body;
 * errors as JSON:API {@code errors} with {@code status}, {@code code}, {@code title}, {@code detail}; 429 with
 * {@code Retry-After}). Retries wait 50 ms, then 100 ms …, four attempts in all.
 */
public class KlaviyoMock implements QuarkusTestResourceLifecycleManager {

    public static final int ATTEMPTS = 4;
    public static final String PUBLIC_URL = "https://offers.triad.test";

    /** Started the first time a test asks for it. */
    private static final class Started {
        static final WireMockServer SERVER = loopback();
    }

    public static WireMockServer server() {
        return Started.SERVER;
    }

    /** A started WireMock server on a free loopback port, for the whole run (stopped with the JVM). */
    static WireMockServer loopback() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("triad.klaviyo.url", "http://127.0.0.1:" + server().port(),
                "triad.klaviyo.retry-after", "50ms",
                "triad.klaviyo.attempts", String.valueOf(ATTEMPTS),
                "triad.public-url", PUBLIC_URL);
    }

    @Override
    public void stop() {
        // One server for the whole run: stopped with the JVM.
    }
}
