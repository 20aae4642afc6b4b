package dev.triad.shopifyapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.triad.base.Signatures;
import dev.triad.support.Orders;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import dev.triad.support.ShopifyAdminMock;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Installing the Shopify app, without Shopify: App Bridge session tokens made as shopify.dev's "Session
 * tokens" describes them (HS256 under the app's secret; iss {@code https://<shop>/admin}, dest
 * {@code https://<shop>}, aud the client id, sub, exp, nbf, iat, jti, sid), the token exchange and the
 * Admin GraphQL {@code shop} query answered by {@link ShopifyAdminMock} with the shapes of shopify.dev's
 * "Exchange a session token for an access token" ({@code {"access_token", "scope"}}) and GraphQL Admin API
 * {@code Shop} ({@code name}, {@code currencyCode}, {@code myshopifyDomain}).
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(ShopifyAdminMock.class)
class ShopifyInstallTest {

    @Test
    void shouldInstallAShopFromItsSessionTokenAndServeItsStorefrontWithoutAnyAdminCall() {
        String shop = "install-new.myshopify.com";
        script(shop, "shpat_install_new", "EUR");

        JsonPath installed = install(sessionToken(shop, ShopifyAdminMock.CLIENT_ID, RedisTestResource.SHOPIFY_SECRET, 0))
                .then().statusCode(200).extract().jsonPath();

        assertThat(installed.getString("shop")).isEqualTo(shop);
        assertThat(installed.getString("currency")).isEqualTo("EUR");
        assertThat(installed.getBoolean("newlyInstalled")).isTrue();
        ShopifyAdminMock.server().verify(1, postRequestedFor(urlEqualTo("/" + shop + "/admin/oauth/access_token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("urn:ietf:params:oauth:grant-type:token-exchange")))
                .withRequestBody(matchingJsonPath("$.requested_token_type",
                        equalTo("urn:shopify:params:oauth:token-type:offline-access-token")))
                .withRequestBody(matchingJsonPath("$.client_id", equalTo(ShopifyAdminMock.CLIENT_ID))));
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).get("/admin/v1/shops/{shop}", shop)
                .then().body("name", org.hamcrest.Matchers.equalTo("Test shop")).body("platform",
                        org.hamcrest.Matchers.equalTo("shopify"));
        String stored = new String(Redis.bytes("triad:{" + shop + "}:shopify-token"), StandardCharsets.UTF_8);
        assertThat(stored).startsWith("v1:").doesNotContain("shpat_install_new");
        given().header("X-Triad-Key", installed.getString("publishableKey")).contentType("application/json")
                .body(Orders.json(Map.of("placement", "cart", "currency", "EUR",
                        "cart", java.util.List.of(Map.of("productId", "1", "quantity", 1, "price", "10.00")))))
                .post("/v1/shops/{shop}/offers", shop).then().statusCode(200);
    }

    @Test
    void shouldAskShopifyNothingWhenAnInstalledShopOpensTheAppAgain() {
        String shop = "install-again.myshopify.com";
        script(shop, "shpat_install_again", "USD");
        install(sessionToken(shop, ShopifyAdminMock.CLIENT_ID, RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200);

        install(sessionToken(shop, ShopifyAdminMock.CLIENT_ID, RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200)
                .body("newlyInstalled", org.hamcrest.Matchers.equalTo(false));

        ShopifyAdminMock.server().verify(1, postRequestedFor(urlEqualTo("/" + shop + "/admin/oauth/access_token")));
    }

    @Test
    void shouldRefuseForgedExpiredForeignOrMismatchedSessionTokensAndWriteNothing() {
        String shop = "install-refused.myshopify.com";
        script(shop, "shpat_refused", "USD");
        for (String token : new String[] {
                sessionToken(shop, ShopifyAdminMock.CLIENT_ID, "not-the-app-secret", 0),
                sessionToken(shop, ShopifyAdminMock.CLIENT_ID, RedisTestResource.SHOPIFY_SECRET, -120),
                sessionToken(shop, "another-apps-client-id", RedisTestResource.SHOPIFY_SECRET, 0),
                token(Map.of("alg", "HS256", "typ", "JWT"), claims(shop, "other.myshopify.com", ShopifyAdminMock.CLIENT_ID, 0),
                        RedisTestResource.SHOPIFY_SECRET),
                token(Map.of("alg", "none", "typ", "JWT"), claims(shop, shop, ShopifyAdminMock.CLIENT_ID, 0),
                        RedisTestResource.SHOPIFY_SECRET),
                "not.a.token" }) {
            install(token).then().statusCode(401).contentType("application/problem+json");
        }
        given().post("/shopify/v1/install").then().statusCode(401);

        assertThat(Redis.keys("triad:{" + shop + "}:*")).isEmpty();
        ShopifyAdminMock.server().verify(0, postRequestedFor(urlEqualTo("/" + shop + "/admin/oauth/access_token")));
    }

    @Test
    void shouldEraseTheAccessTokenWhenTheAppIsUninstalledAndTakeANewOneOnReinstall() {
        String shop = "install-uninstall.myshopify.com";
        script(shop, "shpat_first", "USD");
        install(sessionToken(shop, ShopifyAdminMock.CLIENT_ID, RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200);

        // Shopify's sample with this shop's domain and a store id of its own (store ids belong to one shop).
        Stores.shopify(shop, "app/uninstalled", null, Stores.fixture("shopify/app-uninstalled-sample.json")
                .replace("{shop}.myshopify.com", shop).replace("548380009", "548380901")).then().statusCode(200);
        assertThat(Redis.keys("triad:{" + shop + "}:shopify-token")).isEmpty();
        assertThat(Redis.command("SISMEMBER", "triad:shopify-installed", shop)).isEqualTo(":0");

        install(sessionToken(shop, ShopifyAdminMock.CLIENT_ID, RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200)
                .body("newlyInstalled", org.hamcrest.Matchers.equalTo(true));
        ShopifyAdminMock.server().verify(2, postRequestedFor(urlEqualTo("/" + shop + "/admin/oauth/access_token")));
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).get("/admin/v1/shops/{shop}", shop)
                .then().body("enabled", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void shouldExchangeAgainWhenTheStoredTokenNoLongerDecryptsAsAfterAKeyChange() {
        String shop = "install-rekeyed.myshopify.com";
        script(shop, "shpat_rekeyed", "USD");
        install(sessionToken(shop, ShopifyAdminMock.CLIENT_ID, RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200);
        // What a token encrypted under another TRIAD_SHOPIFY_TOKEN_KEY looks like to this one.
        Redis.command("SET", "triad:{" + shop + "}:shopify-token", "v1:" + Base64.getEncoder().encodeToString(new byte[40]));

        install(sessionToken(shop, ShopifyAdminMock.CLIENT_ID, RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200)
                .body("newlyInstalled", org.hamcrest.Matchers.equalTo(true));
        ShopifyAdminMock.server().verify(2, postRequestedFor(urlEqualTo("/" + shop + "/admin/oauth/access_token")));
    }

    @Test
    void shouldServeTheEmbeddedPageWithAppBridgeFramedOnlyByTheShopifyAdminAndTheShop() {
        given().queryParam("shop", "embedded.myshopify.com").get("/shopify/app").then().statusCode(200)
                .contentType("text/html")
                .body(org.hamcrest.Matchers.containsString("<meta name=\"shopify-api-key\" content=\""
                        + ShopifyAdminMock.CLIENT_ID + "\">"))
                .body(org.hamcrest.Matchers.containsString("https://cdn.shopify.com/shopifycloud/app-bridge.js"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString(
                        "frame-ancestors https://embedded.myshopify.com https://admin.shopify.com"));
        given().queryParam("shop", "not a shop").get("/shopify/app").then().statusCode(400);
    }

    static io.restassured.response.Response install(String sessionToken) {
        return given().header("Authorization", "Bearer " + sessionToken).post("/shopify/v1/install");
    }

    /** Shopify's answers for {@code shop}: the token exchange and the {@code shop} query. */
    static void script(String shop, String accessToken, String currency) {
        ShopifyAdminMock.server().stubFor(post(urlEqualTo("/" + shop + "/admin/oauth/access_token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.subject_token_type", equalTo("urn:ietf:params:oauth:token-type:id_token")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"scope\":\"read_products,read_orders\"}")));
        ShopifyAdminMock.server().stubFor(post(urlEqualTo("/" + shop + "/admin/api/2025-10/graphql.json"))
                .withHeader("X-Shopify-Access-Token", equalTo(accessToken))
                .withRequestBody(equalToJson("{\"query\":\"" + ShopifyAdmin.SHOP_QUERY + "\"}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"data\":{\"shop\":{\"name\":\"Test shop\",\"currencyCode\":\"" + currency
                                + "\",\"myshopifyDomain\":\"" + shop + "\"}},\"extensions\":{\"cost\":{\"requestedQueryCost\":1,"
                                + "\"actualQueryCost\":1,\"throttleStatus\":{\"maximumAvailable\":2000.0,"
                                + "\"currentlyAvailable\":1999,\"restoreRate\":100.0}}}}")));
    }

    /** A session token as App Bridge makes one, issued {@code offsetSeconds} from now (it lives a minute). */
    static String sessionToken(String shop, String audience, String secret, long offsetSeconds) {
        return token(Map.of("alg", "HS256", "typ", "JWT"), claims(shop, shop, audience, offsetSeconds), secret);
    }

    static Map<String, Object> claims(String issuerShop, String destShop, String audience, long offsetSeconds) {
        long now = Instant.now().getEpochSecond() + offsetSeconds;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://" + issuerShop + "/admin");
        claims.put("dest", "https://" + destShop);
        claims.put("aud", audience);
        claims.put("sub", "42");
        claims.put("exp", now + 60);
        claims.put("nbf", now - 5);
        claims.put("iat", now - 5);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sid", "session-" + now);
        return claims;
    }

    static String token(Map<String, Object> header, Map<String, Object> claims, String secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString(Orders.json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Orders.json(claims).getBytes(StandardCharsets.UTF_8));
        byte[] signature = Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + b64.encodeToString(signature);
    }
}
