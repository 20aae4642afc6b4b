package dev.triad.wooplugin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triad.offer.OfferTokens;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The WooCommerce plugin's one-step connection, as the plugin's {@code Triad_Connection::connect()} calls it
 * (the PHP side runs in WooCommercePluginIT): the operator's connect token for one store, traded once for
 * the store's keys; anything wrong answers a problem naming the field and writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class ConnectResourceTest {

    static final String SECRET = "a-webhook-secret-of-48-characters-from-the-plugin";

    @Inject
    ConnectTokens tokens;

    @Inject
    OfferTokens offerTokens;

    @Test
    void theOperatorsConnectTokenRegistersTheStoreAndHandsThePluginItsKeys() {
        String shop = "connect-one.example";
        JsonPath connected = connect(Map.of("connectToken", token(shop), "siteUrl", "https://connect-one.example/",
                "currency", "EUR", "webhookSecret", SECRET)).statusCode(200).extract().jsonPath();
        assertThat(connected.getString("shop")).isEqualTo(shop);
        assertThat(connected.getString("webhookPath")).isEqualTo("/webhooks/woocommerce/" + shop);
        assertThat(Base64.getDecoder().decode(connected.getString("offerKey"))).isEqualTo(offerTokens.shopKey(shop));
        given().header("Authorization", "Bearer " + connected.getString("adminKey")).get("/admin/v1/shops/{shop}", shop)
                .then().statusCode(200).body("platform", equalTo("woocommerce")).body("currency", equalTo("EUR"))
                .body("allowedOrigins[0]", equalTo("https://connect-one.example"))
                .body("publishableKey", equalTo(connected.getString("publishableKey")));
    }

    @Test
    void onlyTheOperatorIssuesConnectTokens() {
        given().post("/admin/v1/shops/{shop}/connect-tokens", "connect-two.example").then().statusCode(401)
                .body("field", equalTo("Authorization"));
        given().header("Authorization", "Bearer not-the-operator").post("/admin/v1/shops/{shop}/connect-tokens",
                "connect-two.example").then().statusCode(401);
    }

    @Test
    void aBadFieldNamesItselfAndLeavesTheTokenUnused() {
        String shop = "connect-three.example";
        String token = token(shop);
        Map<String, Object> good = Map.of("connectToken", token, "siteUrl", "https://connect-three.example",
                "currency", "USD", "webhookSecret", SECRET);
        connect(with(good, "siteUrl", "connect-three.example")).statusCode(400).body("field", equalTo("siteUrl"));
        connect(with(good, "currency", "usd")).statusCode(400).body("field", equalTo("currency"));
        connect(with(good, "webhookSecret", "short")).statusCode(400).body("field", equalTo("webhookSecret"));
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).get("/admin/v1/shops/{shop}", shop)
                .then().statusCode(404);
        connect(good).statusCode(200);
    }

    @Test
    void aTamperedExpiredOrUsedTokenConnectsNothing() {
        String shop = "connect-four.example";
        String token = token(shop);
        Map<String, Object> good = Map.of("connectToken", token, "siteUrl", "https://connect-four.example",
                "currency", "USD", "webhookSecret", SECRET);
        String otherShop = token.replace(token.substring(4, token.indexOf('.', 4)),
                Base64.getUrlEncoder().withoutPadding().encodeToString(("evil.example " + (Instant.now().getEpochSecond()
                        + 3600)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        connect(with(good, "connectToken", otherShop)).statusCode(403).body("field", equalTo("connectToken"))
                .body("type", equalTo("https://triad.dev/problems/connect-token-invalid"));
        connect(with(good, "connectToken", tokens.issue(shop, Instant.now().getEpochSecond() - 1))).statusCode(410)
                .body("field", equalTo("connectToken"));
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).get("/admin/v1/shops/{shop}",
                "evil.example").then().statusCode(404);
        connect(good).statusCode(200);
        connect(good).statusCode(409).body("type", equalTo("https://triad.dev/problems/connect-token-used"));
    }

    @Test
    void connectingAgainGivesANewAdminKeyAndKeepsTheSettings() {
        String shop = "connect-five.example";
        String first = connect(Map.of("connectToken", token(shop), "siteUrl", "https://connect-five.example",
                "currency", "USD", "webhookSecret", SECRET)).statusCode(200).extract().path("adminKey");
        given().header("Authorization", "Bearer " + first).contentType(ContentType.JSON)
                .body(Map.of("platform", "woocommerce", "settings", Map.of("bundleDiscountPercent", 15)))
                .put("/admin/v1/shops/{shop}", shop).then().statusCode(200);
        String second = connect(Map.of("connectToken", token(shop), "siteUrl", "https://connect-five.example",
                "currency", "USD", "webhookSecret", SECRET + "-new")).statusCode(200).extract().path("adminKey");
        assertThat(second).isNotEqualTo(first);
        given().header("Authorization", "Bearer " + first).get("/admin/v1/shops/{shop}", shop).then().statusCode(401);
        given().header("Authorization", "Bearer " + second).get("/admin/v1/shops/{shop}", shop).then().statusCode(200)
                .body("settings.bundleDiscountPercent", equalTo(15));
    }

    @Test
    void aShopifyShopCannotBeTakenOverByAWooCommerceConnection() {
        String shop = "connect-six.myshopify.com";
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("platform", "shopify")).put("/admin/v1/shops/{shop}", shop).then().statusCode(201);
        connect(Map.of("connectToken", token(shop), "siteUrl", "https://elsewhere.example", "currency", "USD",
                "webhookSecret", SECRET)).statusCode(409).body("type", equalTo("https://triad.dev/problems/shop-on-another-platform"));
    }

    private static String token(String shop) {
        return given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .post("/admin/v1/shops/{shop}/connect-tokens", shop).then().statusCode(201).extract().path("connectToken");
    }

    private static ValidatableResponse connect(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/connect/v1/woocommerce").then();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
