package dev.triad.reliability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The small things an attacker tries first. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class HygieneTest {

    @Test
    void shouldServeTheStatsPageUncachedUnframableAndWithoutInlineScript() {
        given().get("/admin/stats.html").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(not(containsString("<script>")));
    }

    @Test
    void shouldNeverKeepTheAdminKeyInTheBrowsersStorage() {
        String script = given().get("/admin/stats.js").then().statusCode(200).extract().asString();

        org.assertj.core.api.Assertions.assertThat(script)
                .doesNotContain("JSON.stringify(q)")
                .contains("const { key, ...remembered } = q;")
                .contains("JSON.stringify(remembered)");
    }

    @Test
    void shouldForbidSniffingOnEveryJsonAnswer() {
        BikeShop bikes = BikeShop.register("hygiene-nosniff.example");
        bikes.offersForOneBike().then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().get("/admin/v1/shops/{shop}", bikes.shop).then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void shouldNotNameAForeignOriginOnARefusal() {
        BikeShop.register("hygiene-origin.example", Map.of(), List.of("https://hygiene-origin.example"));

        given().header("Origin", "https://evil.example").header("X-Triad-Key", "pk_wrong").contentType(ContentType.JSON)
                .body(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")))
                .post("/v1/shops/{shop}/offers", "hygiene-origin.example")
                .then().statusCode(401).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldNotLetAKelvinSignNameTheShopWithAnAsciiK() {
        BikeShop bikes = BikeShop.register("kelvin-bikes.example");

        given().header("X-Triad-Key", bikes.publishableKey).contentType(ContentType.JSON)
                .body(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")))
                .post("/v1/shops/\u212Aelvin-bikes.example/offers")
                .then().statusCode(400).body("field", equalTo("shop"));
    }

    @Test
    void shouldRefuseIdsWithC1ControlsOrLoneSurrogates() {
        BikeShop bikes = BikeShop.register("hygiene-ids.example");
        for (String id : new String[] {"p-\\u0085", "p-\\ud800", "p-\\udc00x"}) {
            given().header("X-Triad-Key", bikes.publishableKey).contentType(ContentType.JSON)
                    .body("{\"placement\":\"cart\",\"currency\":\"USD\",\"cart\":[{\"productId\":\"" + id
                            + "\",\"quantity\":1,\"price\":\"1.00\"}]}")
                    .post("/v1/shops/{shop}/offers", bikes.shop)
                    .then().statusCode(400).body("field", equalTo("cart[0].productId"));
        }
    }

    @Test
    void shouldAnswerAnUnknownWooCommerceShopAsABadSignature() {
        Stores.woo("hygiene-nobody.example", "order.created", "{\"id\":1}", "any-secret")
                .then().statusCode(401).body("field", equalTo("X-WC-Webhook-Signature"));
    }
}
