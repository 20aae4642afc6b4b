package dev.triad.shop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** One shop's keys and signatures open nothing of another's; admin keys are kept only as hashes. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class IsolationTest {

    static final String WOO_SECRET_A = "woo-secret-of-shop-a";
    static final String WOO_SECRET_B = "woo-secret-of-shop-b";

    @Test
    void shouldNotLetShopAsKeysReadOrWriteShopB() {
        BikeShop a = BikeShop.register("iso-a.example");
        BikeShop b = BikeShop.register("iso-b.example");
        List<String> before = Redis.keys("triad:{iso-b.example}:*");

        given().header("X-Triad-Key", a.publishableKey).contentType(ContentType.JSON)
                .body(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")))
                .post("/v1/shops/{shop}/offers", b.shop).then().statusCode(401);
        given().header("X-Triad-Key", a.publishableKey).contentType(ContentType.JSON)
                .body(Map.of("type", "dismiss", "sessionId", "s", "offers",
                        List.of(Map.of("productIds", List.of("p-helmet")))))
                .post("/v1/shops/{shop}/events", b.shop).then().statusCode(401);
        String adminA = "Bearer " + a.adminKey;
        given().header("Authorization", adminA).get("/admin/v1/shops/{shop}", b.shop).then().statusCode(401);
        given().header("Authorization", adminA).get("/admin/v1/shops/{shop}/stats", b.shop).then().statusCode(401);
        given().header("Authorization", adminA).get("/admin/v1/shops/{shop}/products/p-bike-500", b.shop)
                .then().statusCode(401);
        given().header("Authorization", adminA).contentType(ContentType.JSON)
                .body(Map.of("title", "Hijacked", "variants", List.of(BikeShop.variant("v", "1.00", true))))
                .put("/admin/v1/shops/{shop}/products/p-bike-500", b.shop).then().statusCode(401);
        given().header("Authorization", adminA).contentType("text/csv").body("order_id,product_id\n1,p-x\n1,p-y\n")
                .post("/admin/v1/shops/{shop}/orders", b.shop).then().statusCode(401);
        given().header("Authorization", adminA).post("/admin/v1/shops/{shop}/rebuild", b.shop).then().statusCode(401);
        given().header("Authorization", adminA).contentType(ContentType.JSON).body(Map.of("platform", "shopify"))
                .put("/admin/v1/shops/{shop}", b.shop).then().statusCode(401);

        assertThat(Redis.keys("triad:{iso-b.example}:*")).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void shouldRefuseAWooCommerceDeliverySignedWithAnotherShopsSecret() {
        Stores.register("woo-iso-a.example", "woocommerce", Map.of("webhookSecret", WOO_SECRET_A));
        Stores.register("woo-iso-b.example", "woocommerce", Map.of("webhookSecret", WOO_SECRET_B));
        List<String> before = Redis.keys("triad:{woo-iso-b.example}:*");

        Stores.woo("woo-iso-b.example", "order.created", Stores.fixture("woocommerce/order.json"), WOO_SECRET_A)
                .then().statusCode(401);

        assertThat(Redis.keys("triad:{woo-iso-b.example}:*")).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void shouldStoreAdminKeysOnlyAsHashes() {
        BikeShop shop = BikeShop.register("hashes.example");
        String record = Redis.command("GET", "triad:{hashes.example}:shop");
        assertThat(record).contains("adminKeyHash").contains(ApiKeys.hash(shop.adminKey));
        for (String key : Redis.keys("*")) {
            if (Redis.command("TYPE", key).equals("+string")) {
                assertThat(Redis.command("GET", key)).as(key).doesNotContain(shop.adminKey)
                        .doesNotContain(RedisTestResource.OPERATOR_KEY);
            }
        }
    }
}
