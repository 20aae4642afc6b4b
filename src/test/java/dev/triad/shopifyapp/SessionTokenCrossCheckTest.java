package dev.triad.shopifyapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triad.problem.ProblemException;
import dev.triad.support.RedisTestResource;
import dev.triad.support.ShopifyAdminMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Triad's session-token check against Shopify's own: {@code decodeSessionToken} of
 * {@code @shopify/shopify-api} 13.1.0 (npm, run by {@code src/test/js/session-token.mjs}) judges the same
 * tokens. They must agree on every token both check (signature, HS256 only, expiry and not-before with
 * 10 s of tolerance, audience). The library leaves shopify.dev's step "the top-level domains of iss and
 * dest match" to the app; Triad takes it, so a token naming two shops is the one expected difference.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(ShopifyAdminMock.class)
class SessionTokenCrossCheckTest {

    static final Path TESTS = Path.of("src", "test", "js");

    @Inject
    SessionTokens sessionTokens;

    @Inject
    ShopifyAdmin admin;

    @Test
    void shouldJudgeSessionTokensAsShopifysOwnLibraryDoes() throws Exception {
        assumeTrue(Files.isDirectory(TESTS.resolve("node_modules/@shopify/shopify-api")),
                "SESSION TOKEN CROSS-CHECK SKIPPED: npm ci --prefix src/test/js has not run");
        String shop = "cross-check.myshopify.com";
        String secret = RedisTestResource.SHOPIFY_SECRET;
        String client = ShopifyAdminMock.CLIENT_ID;
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("valid", ShopifyInstallTest.sessionToken(shop, client, secret, 0));
        tokens.put("issued 5 s ahead (within tolerance)", ShopifyInstallTest.token(Map.of("alg", "HS256", "typ", "JWT"),
                withNotBefore(ShopifyInstallTest.claims(shop, shop, client, 0), 5), secret));
        tokens.put("another secret", ShopifyInstallTest.sessionToken(shop, client, "another-secret", 0));
        tokens.put("expired", ShopifyInstallTest.sessionToken(shop, client, secret, -120));
        tokens.put("not valid for a minute", ShopifyInstallTest.token(Map.of("alg", "HS256", "typ", "JWT"),
                withNotBefore(ShopifyInstallTest.claims(shop, shop, client, 0), 60), secret));
        tokens.put("another app", ShopifyInstallTest.sessionToken(shop, "another-client", secret, 0));
        tokens.put("HS512", ShopifyInstallTest.token(Map.of("alg", "HS512", "typ", "JWT"),
                ShopifyInstallTest.claims(shop, shop, client, 0), secret));
        tokens.put("garbage", "not.a.token");

        List<String> node = node(client, secret, new ArrayList<>(tokens.values()));

        int i = 0;
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            boolean shopifyAccepts = node.get(i++).startsWith("valid ");
            assertThat(triadAccepts(token.getValue())).as(token.getKey() + " (Shopify's library: " + node.get(i - 1) + ")")
                    .isEqualTo(shopifyAccepts);
        }
        String twoShops = ShopifyInstallTest.token(Map.of("alg", "HS256", "typ", "JWT"),
                ShopifyInstallTest.claims(shop, "other.myshopify.com", client, 0), secret);
        assertThat(node(client, secret, List.of(twoShops)).get(0)).startsWith("valid ");
        assertThat(triadAccepts(twoShops)).as("iss and dest name two shops").isFalse();
    }

    /**
     * The token exchange of Triad and of the library ({@code auth.tokenExchange}, its fetch pointed at the
     * same scripted Admin API) send the same request and read the same answer.
     */
    @Test
    void shouldExchangeASessionTokenWithTheSameRequestAsShopifysOwnLibrary() throws Exception {
        assumeTrue(Files.isDirectory(TESTS.resolve("node_modules/@shopify/shopify-api")),
                "TOKEN EXCHANGE CROSS-CHECK SKIPPED: npm ci --prefix src/test/js has not run");
        String shop = "exchange-check.myshopify.com";
        ShopifyInstallTest.script(shop, "shpat_cross_checked", "USD");
        String token = ShopifyInstallTest.sessionToken(shop, ShopifyAdminMock.CLIENT_ID, RedisTestResource.SHOPIFY_SECRET, 0);
        String adminUrl = "http://127.0.0.1:" + ShopifyAdminMock.server().port() + "/{shop}";

        Process run = new ProcessBuilder("node", "token-exchange.mjs", ShopifyAdminMock.CLIENT_ID,
                RedisTestResource.SHOPIFY_SECRET, adminUrl, shop, token).directory(TESTS.toFile()).redirectErrorStream(true).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String library = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String triad = admin.exchange(shop, token).token();

        assertThat(library).isEqualTo("token " + triad).isEqualTo("token shpat_cross_checked");
        var requests = ShopifyAdminMock.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/" + shop + "/admin/oauth/access_token")));
        assertThat(requests).hasSize(2);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(mapper.readTree(requests.get(0).getBodyAsString())).isEqualTo(mapper.readTree(requests.get(1).getBodyAsString()));
    }

    private static Map<String, Object> withNotBefore(Map<String, Object> claims, long secondsAhead) {
        long now = java.time.Instant.now().getEpochSecond();
        claims.put("nbf", now + secondsAhead);
        claims.put("iat", now + secondsAhead);
        claims.put("exp", now + secondsAhead + 60);
        return claims;
    }

    private boolean triadAccepts(String token) {
        try {
            sessionTokens.shopOfToken(token);
            return true;
        } catch (ProblemException refused) {
            assertThat(refused.status()).isEqualTo(401);
            return false;
        }
    }

    private static List<String> node(String client, String secret, List<String> tokens) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "session-token.mjs", client, secret));
        command.addAll(tokens);
        Process run = new ProcessBuilder(command).directory(TESTS.toFile()).redirectErrorStream(true).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as("one verdict per token: " + lines).hasSize(tokens.size());
        return lines;
    }
}
