package dev.triad.mining;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Orders acknowledged while a rebuild holds the shop's lock are parked; when that rebuild's process
 * dies, its lock lets go after its lease (here a lock left with 1.5 s to live, as a killed process
 * leaves it) and the parked orders must still be applied — by the shop's next order or its next
 * rebuild — never left parked, never answered "duplicate" without being counted.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class ParkedOrdersTest {

    @Test
    void shouldApplyOrdersParkedUnderADeadRebuildsLockWithTheShopsNextOrder() throws InterruptedException {
        BikeShop bikes = BikeShop.register("parked-next-order.myshopify.com");
        String prefix = "triad:{" + bikes.shop + "}:";
        deadRebuildLock(prefix);

        for (int i = 0; i < 5; i++) {
            Stores.shopify(bikes.shop, "orders/create", "e-" + i,
                    Orders.shopify("parked-" + i, null, null, "p-bike-500", "799.00", "p-helmet", "49.00"))
                    .then().statusCode(200).body("result", equalTo("processed"));
        }
        assertThat(Redis.command("HLEN", prefix + "orders-pending")).isEqualTo(":5");
        awaitLockGone(prefix);

        Stores.shopify(bikes.shop, "orders/create", "e-next",
                Orders.shopify("after", null, null, "p-bike-500", "799.00")).then().statusCode(200);

        assertThat(Redis.command("HLEN", prefix + "orders")).isEqualTo(":6");
        assertThat(Redis.keys(prefix + "orders-pending")).isEmpty();
        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-helmet").then().body("orders", equalTo(5));
    }

    @Test
    void shouldApplyOrdersParkedUnderADeadRebuildsLockWithTheShopsNextRebuild() throws InterruptedException {
        BikeShop bikes = BikeShop.register("parked-next-rebuild.myshopify.com");
        String prefix = "triad:{" + bikes.shop + "}:";
        deadRebuildLock(prefix);
        for (int i = 0; i < 3; i++) {
            Stores.shopify(bikes.shop, "orders/create", "e-" + i,
                    Orders.shopify("parked-" + i, null, null, "p-bike-500", "799.00", "p-lock", "25.00"))
                    .then().statusCode(200);
        }
        awaitLockGone(prefix);

        given().header("Authorization", "Bearer " + bikes.adminKey).post("/admin/v1/shops/{shop}/rebuild", bikes.shop)
                .then().statusCode(200);

        assertThat(Redis.command("HLEN", prefix + "orders")).isEqualTo(":3");
        assertThat(Redis.keys(prefix + "orders-pending")).isEmpty();
    }

    private static void deadRebuildLock(String prefix) {
        Redis.command("SET", prefix + "rebuild-lock", "token-of-a-killed-process", "PX", "1500");
    }

    private static void awaitLockGone(String prefix) throws InterruptedException {
        for (int i = 0; i < 50 && !Redis.keys(prefix + "rebuild-lock").isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(Redis.keys(prefix + "rebuild-lock")).isEmpty();
    }
}
