package dev.triad.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A signed delivery Triad can never process must not come back for two days answered 503, nor be
 * half-written, nor break the shop's later rebuilds: it is refused (4xx) with nothing written.
 * Bodies are Shopify {@code orders/create} bodies (the REST order of Shopify/shopify-api-ruby's
 * fixtures) with one field made hostile.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class PoisonDeliveryTest {

    @Test
    void shouldRefuseLineItemsThatAreNotAListAndWriteNothing() {
        BikeShop bikes = BikeShop.register("poison-shape.myshopify.com");

        Stores.shopify(bikes.shop, "orders/create", "e", "{\"id\": 1, \"line_items\": {}}").then().statusCode(400)
                .body("field", equalTo("line_items"));

        assertNothingWritten(bikes.shop);
    }

    @Test
    void shouldRefuseALineWhoseTotalOverflowsAndWriteNothing() {
        BikeShop bikes = BikeShop.register("poison-overflow.myshopify.com");
        String order = Orders.json(Map.of("id", 9100002, "total_price", "1.00", "line_items", List.of(
                Map.of("product_id", "p-bike-500", "quantity", 1, "price", "799.00"),
                Map.of("product_id", "p-helmet", "quantity", 1_000_000, "price", "999999999999.00"))));

        Stores.shopify(bikes.shop, "orders/create", "e", order).then().statusCode(400)
                .body("field", equalTo("line_items[1]"));

        assertNothingWritten(bikes.shop);
    }

    @Test
    void shouldRefuseAPriceInExponentNotationAndKeepRebuildingTheShop() {
        BikeShop bikes = BikeShop.register("poison-exponent.myshopify.com");
        String order = Orders.json(Map.of("id", 9100003, "line_items", List.of(
                Map.of("product_id", "p-new", "quantity", 1, "price", "1e-200"))));

        Stores.shopify(bikes.shop, "orders/create", "e", order).then().statusCode(400)
                .body("field", equalTo("line_items[0].price"));

        assertNothingWritten(bikes.shop);
        given().header("Authorization", "Bearer " + bikes.adminKey).post("/admin/v1/shops/{shop}/rebuild", bikes.shop)
                .then().statusCode(200);
    }

    @Test
    void shouldRoundWooCommercesLongTaxExclusivePricesInsteadOfRefusingThem() {
        BikeShop bikes = BikeShop.register("poison-long-decimals.myshopify.com");
        String order = Orders.json(Map.of("id", 9100004, "line_items", List.of(
                Map.of("product_id", "p-bike-500", "quantity", 1, "price", 18.181818181818))));

        Stores.shopify(bikes.shop, "orders/create", "e", order).then().statusCode(200)
                .body("result", not(equalTo("rejected")));
    }

    static void assertNothingWritten(String shop) {
        String prefix = "triad:{" + shop + "}:";
        assertThat(Redis.command("HLEN", prefix + "orders")).isEqualTo(":0");
        assertThat(Redis.keys(prefix + "stats:*")).isEmpty();
        assertThat(Redis.keys(prefix + "order-counted:*")).isEmpty();
        assertThat(Redis.keys(prefix + "delivery:*")).isEmpty();
    }
}
