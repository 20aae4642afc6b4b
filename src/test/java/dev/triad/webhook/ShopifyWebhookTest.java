package dev.triad.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class ShopifyWebhookTest {

    @Test
    void shouldCountAnOrderOnceWhenShopifyDeliversItTwice() {
        BikeShop bikes = BikeShop.register("twice.myshopify.com");
        String order = Orders.shopify("5001", null, null, "p-bike-500", "799.00", "p-helmet", "49.00");

        Stores.shopify(bikes.shop, "orders/create", "event-1", order).then().statusCode(200)
                .body("result", equalTo("processed"));
        Stores.shopify(bikes.shop, "orders/create", "event-1", order).then().statusCode(200)
                .body("result", equalTo("duplicate"));
        // Retries are recognised by the signed body, not by the unsigned event id, which anyone could pick.
        Stores.shopify(bikes.shop, "orders/create", "event-2", order).then().statusCode(200)
                .body("result", equalTo("duplicate"));

        productView(bikes, "p-bike-500").then().body("orders", equalTo(1));
        stats(bikes).then().body("orders.total", equalTo(1)).body("orders.revenue", equalTo("848.00"));
    }

    @Test
    void shouldTakeAnItemOutOfEveryOfferAfterOneOutOfStockWebhook() {
        BikeShop bikes = BikeShop.register("restock.myshopify.com");
        assertThat(offeredProducts(bikes)).contains("p-helmet");

        Stores.shopify(bikes.shop, "products/update", "event-helmet", helmet(0)).then().statusCode(200);
        assertThat(offeredProducts(bikes)).doesNotContain("p-helmet").isNotEmpty();

        Stores.shopify(bikes.shop, "products/update", "event-helmet-back", helmet(5)).then().statusCode(200);
        assertThat(offeredProducts(bikes)).contains("p-helmet");
    }

    @Test
    void shouldKeepTheNewerStockWhenAnOlderProductUpdateArrivesLate() {
        BikeShop bikes = BikeShop.register("late-retry.myshopify.com");
        Stores.shopify(bikes.shop, "products/update", "event-sold-out", helmet(0, "2026-11-23T10:00:00-05:00"))
                .then().statusCode(200);
        Stores.shopify(bikes.shop, "products/update", "event-earlier", helmet(5, "2026-11-23T09:59:59-05:00"))
                .then().statusCode(200);
        assertThat(offeredProducts(bikes)).as("the late, older update is not applied").doesNotContain("p-helmet");

        Stores.shopify(bikes.shop, "products/update", "event-restock", helmet(5, "2026-11-23T16:00:00Z"))
                .then().statusCode(200);
        assertThat(offeredProducts(bikes)).as("a newer update is").contains("p-helmet");
    }

    @Test
    void shouldNotBringBackADeletedProductWithALateRetryOfAnOlderUpdate() {
        BikeShop bikes = BikeShop.register("late-delete.myshopify.com");
        Stores.shopify(bikes.shop, "products/delete", "event-delete", "{\"id\": \"p-helmet\"}").then().statusCode(200);
        Stores.shopify(bikes.shop, "products/update", "event-retry", helmet(5, "2026-01-01T00:00:00Z"))
                .then().statusCode(200);

        assertThat(offeredProducts(bikes)).doesNotContain("p-helmet");
        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-helmet").then().statusCode(404);
    }

    @Test
    void shouldDeleteAProductEvenWhenTheStoresClockRunsAheadOfTriads() {
        BikeShop bikes = BikeShop.register("clock-ahead.myshopify.com");
        Stores.shopify(bikes.shop, "products/update", "event-ahead", helmet(5, "2099-01-01T00:00:00Z")).then().statusCode(200);
        Stores.shopify(bikes.shop, "products/delete", "event-delete-ahead", "{\"id\": \"p-helmet\"}").then().statusCode(200);

        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-helmet").then().statusCode(404);
        Stores.shopify(bikes.shop, "products/update", "event-retry-ahead", helmet(5, "2098-12-31T23:59:59Z"))
                .then().statusCode(200);
        assertThat(offeredProducts(bikes)).as("an update older than the last one seen stays out").doesNotContain("p-helmet");
    }

    @Test
    void shouldKeepTheMerchantsPinsWhenShopifyUpdatesTheProduct() {
        BikeShop bikes = BikeShop.register("pins.myshopify.com");
        String bike = Orders.json(Map.of("id", "p-bike-500", "title", "Trail Bike 500 (2027)", "handle", "trail-500",
                "status", "active", "variants", List.of(Map.of("id", "v-500-m", "price", "829.00",
                        "inventory_management", "shopify", "inventory_quantity", 3))));
        Stores.shopify(bikes.shop, "products/update", "event-bike", bike).then().statusCode(200);

        productView(bikes, "p-bike-500").then().body("product.title", equalTo("Trail Bike 500 (2027)"))
                .body("product.url", equalTo("/products/trail-500"))
                .body("product.complements", contains("p-helmet", "p-lock", "p-light", "p-bell"));
    }

    @Test
    void shouldReadShopifysOwnProductAndOrderBodies() {
        // The shop of Shopify's own samples: their order_status_url names it, and a body naming another shop is refused.
        BikeShop shop = BikeShop.register("apple.myshopify.com");
        String product = JsonPath.from(Stores.fixture("shopify/product.json")).prettify();
        String productBody = Orders.json(JsonPath.from(product).getMap("product"));
        Stores.shopify(shop.shop, "products/create", "event-p", productBody).then().statusCode(200);
        productView(shop, "632910392").then().body("product.title", equalTo("IPod Nano - 8GB"))
                .body("product.type", equalTo("Cult Products"))
                .body("product.url", equalTo("/products/ipod-nano"))
                .body("product.variants[0].price", equalTo("199.00"))
                .body("product.variants[0].inStock", equalTo(true));

        String order = Orders.json(JsonPath.from(Stores.fixture("shopify/order.json")).getMap("order"));
        Stores.shopify(shop.shop, "orders/create", "event-o", order).then().statusCode(200)
                .body("result", equalTo("processed"));
        Stores.shopify(shop.shop, "orders/create", "event-t", Stores.fixture("shopify/orders-create-test-notification.json"))
                .then().statusCode(200).body("result", equalTo("processed"));
        // Shopify's test notification is a cancelled order: acknowledged, not counted.
        stats(shop).then().body("orders.total", equalTo(1)).body("orders.revenue", equalTo("409.94"));
        productView(shop, "632910392").then().body("orders", equalTo(1));
    }

    @Test
    void shouldRefuseAForgedDeliveryAndWriteNothing() {
        BikeShop bikes = BikeShop.register("forged.myshopify.com");
        List<String> before = Redis.keys("triad:{forged.myshopify.com}:*");
        String order = Orders.shopify("6001", "42", "tok", "p-bike-500", "799.00");

        Stores.shopify(bikes.shop, "orders/create", "event-x", order, "not-the-app-secret").then().statusCode(401)
                .contentType("application/problem+json").body("field", equalTo("X-Shopify-Hmac-Sha256"));
        given().contentType(ContentType.JSON).header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", bikes.shop).body(order).post("/webhooks/shopify")
                .then().statusCode(401);

        assertThat(Redis.keys("triad:{forged.myshopify.com}:*")).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void shouldAnswerNotFoundForAShopThatIsNotRegisteredAndIgnoreOtherTopics() {
        Stores.shopify("nobody.myshopify.com", "orders/create", "e", Orders.shopify("1", null, null, "p", "1.00"))
                .then().statusCode(404).body("field", equalTo("shop"));
        BikeShop bikes = BikeShop.register("topics.myshopify.com");
        Stores.shopify(bikes.shop, "carts/update", "e", "{}").then().statusCode(200).body("result", equalTo("ignored"));
    }

    @Test
    void shouldOfferNothingOnceTheAppIsUninstalledUntilTheShopIsRegisteredAgain() {
        BikeShop bikes = BikeShop.register("gone.myshopify.com");
        Stores.shopify(bikes.shop, "app/uninstalled", "event-u",
                "{\"id\": 1, \"myshopify_domain\": \"" + bikes.shop + "\"}").then().statusCode(200);
        bikes.offersForOneBike().then().statusCode(200).body("offers", empty());

        given().header("Authorization", "Bearer " + bikes.adminKey).contentType(ContentType.JSON)
                .body(Map.of("platform", "shopify", "currency", "USD")).put("/admin/v1/shops/{shop}", bikes.shop)
                .then().statusCode(200).body("enabled", equalTo(true));
        bikes.offersForOneBike().then().statusCode(200).body("offers.kind", hasItem("add_on"));
    }

    @Test
    void shouldHandOverAndThenEraseWhatItHoldsOnACustomer() {
        BikeShop bikes = BikeShop.register("privacy.myshopify.com");
        Stores.shopify(bikes.shop, "orders/create", "event-o",
                Orders.shopify("7001", "207119551", "cart-7001", "p-bike-500", "799.00", "p-lock", "25.00"))
                .then().statusCode(200);
        String request = "{\"shop_id\":8954889,\"shop_domain\":\"privacy.myshopify.com\",\"customer\":{\"id\":207119551},"
                + "\"orders_requested\":[7001],\"data_request\":{\"id\":9999}}";
        Stores.shopify(bikes.shop, "customers/data_request", "event-d", request).then().statusCode(200);
        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/data-requests/{id}", bikes.shop, "9999")
                .then().statusCode(200).body("productsBought", contains("p-bike-500", "p-lock"));
        assertThat(String.join(" ", Redis.keys("triad:{privacy.myshopify.com}:*"))).doesNotContain("207119551");

        Stores.shopify(bikes.shop, "customers/redact", "event-r",
                "{\"shop_id\":8954889,\"shop_domain\":\"privacy.myshopify.com\",\"customer\":{\"id\":207119551},"
                        + "\"orders_to_redact\":[7001]}").then().statusCode(200);
        Stores.shopify(bikes.shop, "customers/data_request", "event-d2", request.replace("9999", "10000"))
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/data-requests/{id}", bikes.shop, "10000")
                .then().statusCode(200).body("productsBought", empty());
    }

    @Test
    void shouldEraseEveryKeyOfTheShopOnShopRedact() {
        BikeShop bikes = BikeShop.register("redact.myshopify.com");
        Stores.shopify(bikes.shop, "orders/create", "e", Orders.shopify("8001", "7", "t", "p-bike-500", "799.00"))
                .then().statusCode(200);
        assertThat(Redis.keys("triad:{redact.myshopify.com}:*")).hasSizeGreaterThan(10);

        Stores.shopify(bikes.shop, "shop/redact", "e-r", "{\"shop_id\":8954890,\"shop_domain\":\"redact.myshopify.com\"}")
                .then().statusCode(200);

        assertThat(Redis.keys("triad:{redact.myshopify.com}:*")).isEmpty();
        bikes.offersForOneBike().then().statusCode(404);
    }

    static String helmet(int inventory) {
        return Orders.json(Map.of("id", "p-helmet", "title", "Helmet", "product_type", "helmets", "status", "active",
                "variants", List.of(Map.of("id", "v-helmet", "price", "49.00", "inventory_management", "shopify",
                        "inventory_policy", "deny", "inventory_quantity", inventory))));
    }

    static String helmet(int inventory, String updatedAt) {
        return Orders.json(Map.of("id", "p-helmet", "title", "Helmet", "product_type", "helmets", "status", "active",
                "updated_at", updatedAt,
                "variants", List.of(Map.of("id", "v-helmet", "price", "49.00", "inventory_management", "shopify",
                        "inventory_policy", "deny", "inventory_quantity", inventory))));
    }

    static List<String> offeredProducts(BikeShop bikes) {
        JsonPath offers = bikes.offersForOneBike().then().statusCode(200).extract().jsonPath();
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> offer : offers.<Map<String, Object>>getList("offers")) {
            if (offer.get("productId") != null) {
                ids.add((String) offer.get("productId"));
            }
            if (offer.get("items") instanceof List<?> items) {
                items.forEach(item -> ids.add((String) ((Map<?, ?>) item).get("productId")));
            }
        }
        return ids;
    }

    static io.restassured.response.Response productView(BikeShop shop, String id) {
        return given().header("Authorization", "Bearer " + shop.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", shop.shop, id);
    }

    static io.restassured.response.Response stats(BikeShop shop) {
        return given().header("Authorization", "Bearer " + shop.adminKey).get("/admin/v1/shops/{shop}/stats", shop.shop);
    }
}
