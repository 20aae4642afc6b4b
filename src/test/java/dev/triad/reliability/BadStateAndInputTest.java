package dev.triad.reliability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Input that is valid, or merely odd, and stored state that went bad, are never a 500. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class BadStateAndInputTest {

    @Test
    void shouldRefuseADuplicateJsonKeyInAnAdminBodyNamingIt() {
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body("{\"platform\":\"shopify\",\"currency\":\"USD\",\"currency\":\"EUR\"}")
                .put("/admin/v1/shops/{shop}", "duplicate-key.example")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
    }

    @Test
    void shouldKeepChangingProductsThatAnUnreadableSheetNamesAndHealItOnTheNextRebuild() {
        BikeShop bikes = BikeShop.register("unreadable-sheet.example");
        Redis.command("SET", "triad:{unreadable-sheet.example}:sheet:p-bike-500", "not a sheet");

        given().header("Authorization", "Bearer " + bikes.adminKey).contentType(ContentType.JSON)
                .body(Map.of("title", "Lock", "type", "locks",
                        "variants", List.of(Map.of("id", "v-lock", "price", "27.00"))))
                .put("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-lock")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-bike-500").then().statusCode(200);

        given().header("Authorization", "Bearer " + bikes.adminKey).post("/admin/v1/shops/{shop}/rebuild", bikes.shop)
                .then().statusCode(200);
        bikes.offersForOneBike().then().statusCode(200).body("degraded", equalTo(false))
                .body("offers.kind", hasItem("add_on"));
    }

    @Test
    void shouldGiveAShopRegisteredAgainAfterItsRecordWasLostTheKeyItsStorefrontCarries() {
        BikeShop before = BikeShop.register("lost-record.example");
        Redis.command("DEL", "triad:{lost-record.example}:shop");

        String again = given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .contentType(ContentType.JSON).body(Map.of("platform", "shopify", "currency", "USD"))
                .put("/admin/v1/shops/{shop}", before.shop).then().statusCode(201).extract().path("publishableKey");

        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(before.publishableKey);
        bikesOffersWork(before);
    }

    private static void bikesOffersWork(BikeShop shop) {
        shop.offersForOneBike().then().statusCode(200).body("degraded", equalTo(false));
    }
}
