package dev.triad.shop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class ShopResourceTest {

    static final String OPERATOR = "Bearer " + RedisTestResource.OPERATOR_KEY;

    @Test
    void shouldRegisterAShopWithDefaultsAndShowItsKeysOnce() {
        Response created = put("defaults.example", OPERATOR, Map.of("platform", "shopify"));
        created.then().statusCode(201)
                .body("shop", equalTo("defaults.example"))
                .body("currency", equalTo("USD"))
                .body("settings.stepBandPercent", equalTo(60))
                .body("settings.bundleDiscountPercent", equalTo(10))
                .body("settings.freeShippingThreshold", nullValue())
                .body("settings.holdoutPercent", equalTo(0))
                .body("publishableKey", startsWith("pk_"))
                .body("adminKey", startsWith("ak_"));

        put("defaults.example", OPERATOR, Map.of("platform", "shopify", "currency", "EUR")).then()
                .statusCode(200)
                .body("currency", equalTo("EUR"))
                .body("publishableKey", equalTo(created.path("publishableKey")))
                .body("$", not(hasKey("adminKey")));
    }

    @Test
    void shouldKeepOnlyAHashOfTheAdminKey() {
        String adminKey = put("hashed.example", OPERATOR, Map.of("platform", "woocommerce",
                "webhookSecret", "wc-secret-123")).path("adminKey");

        String stored = Redis.command("GET", "triad:{hashed.example}:shop");
        assertFalse(stored.contains(adminKey), "the stored shop holds the admin key in clear");
        assertTrue(stored.contains(ApiKeys.hash(adminKey)));
    }

    @Test
    void shouldLetAShopsAdminKeyUpdateThatShopButNoOther() {
        String adminKey = put("mine.example", OPERATOR, Map.of("platform", "shopify")).path("adminKey");
        put("theirs.example", OPERATOR, Map.of("platform", "shopify")).then().statusCode(201);

        put("mine.example", "Bearer " + adminKey, Map.of("platform", "shopify",
                "settings", Map.of("freeShippingThreshold", "50.00"))).then()
                .statusCode(200).body("settings.freeShippingThreshold", equalTo("50.00"));
        put("theirs.example", "Bearer " + adminKey, Map.of("platform", "shopify")).then()
                .statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + adminKey).get("/admin/v1/shops/theirs.example")
                .then().statusCode(401);
    }

    @Test
    void shouldRefuseToRegisterWithoutTheOperatorKey() {
        put("nokey.example", null, Map.of("platform", "shopify")).then().statusCode(401)
                .body("field", equalTo("Authorization"));
        put("nokey.example", "Bearer wrong", Map.of("platform", "shopify")).then().statusCode(401);
        given().header("Authorization", OPERATOR).get("/admin/v1/shops/nokey.example").then().statusCode(404);
    }

    @Test
    void shouldRefuseBadSettingsNamingTheFieldAndWriteNothing() {
        problem(put("bad.example", OPERATOR, Map.of("platform", "magento")), "platform");
        problem(put("bad.example", OPERATOR, Map.of("platform", "shopify", "currency", "usd")), "currency");
        problem(put("bad.example", OPERATOR, Map.of("platform", "shopify",
                "settings", Map.of("stepBandPercent", -5))), "settings.stepBandPercent");
        problem(put("bad.example", OPERATOR, Map.of("platform", "shopify",
                "settings", Map.of("freeShippingThreshold", "lots"))), "settings.freeShippingThreshold");
        problem(put("bad.example", OPERATOR, Map.of("platform", "shopify",
                "allowedOrigins", List.of("javascript:alert(1)"))), "allowedOrigins[0]");
        problem(put("bad.example", OPERATOR, Map.of("platform", "shopify",
                "settings", Map.of("holdoutPercent", "many"))), "settings.holdoutPercent");
        given().header("Authorization", OPERATOR).get("/admin/v1/shops/bad.example").then().statusCode(404);
    }

    static Response put(String shop, String authorization, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.put("/admin/v1/shops/{shop}", shop);
    }

    static void problem(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }
}
