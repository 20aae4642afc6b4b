package dev.triad.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.triad.support.Admin;
import dev.triad.support.Orders;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class WooWebhookTest {

    static final String SECRET = "woo-webhook-secret-1";

    @Test
    void shouldAnswerTheActivationPingWithoutWritingAnything() {
        Admin shop = register("ping.example");
        List<String> before = Redis.keys("triad:{ping.example}:*");
        given().contentType("application/x-www-form-urlencoded").body("webhook_id=17")
                .post("/webhooks/woocommerce/{shop}", shop.shop()).then().statusCode(200)
                .body("result", equalTo("ping"));
        assertThat(Redis.keys("triad:{ping.example}:*")).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void shouldTurnUpsellsAndCrossSellsIntoPinsFromWooCommercesProductBody() {
        Admin shop = register("woo-products.example");
        Map<String, Object> product = new java.util.HashMap<>(JsonPath.from(Stores.fixture("woocommerce/product.json")).getMap(""));
        product.put("upsell_ids", List.of(801, 802));
        product.put("cross_sell_ids", List.of(901));
        Stores.woo(shop.shop(), "product.updated", Orders.json(product), SECRET).then().statusCode(200)
                .body("result", equalTo("processed"));

        JsonPath view = shop.product("794");
        assertThat(view.getString("product.title")).isEqualTo("Premium Quality");
        assertThat(view.getString("product.type")).isEqualTo("clothing");
        assertThat(view.getString("product.variants[0].price")).isEqualTo("21.99");
        assertThat(view.getList("product.upgrades", String.class)).containsExactly("801", "802");
        assertThat(view.getList("product.complements", String.class)).containsExactly("901");
    }

    @Test
    void shouldCountAWooCommerceOrderOnceWhateverItsDeliveryId() {
        Admin shop = register("woo-orders.example");
        String order = Stores.fixture("woocommerce/order.json");
        Stores.woo(shop.shop(), "order.created", order, SECRET).then().statusCode(200);
        Stores.woo(shop.shop(), "order.created", order, SECRET).then().statusCode(200);

        assertThat(shop.product("93").getInt("orders")).isEqualTo(1);
        given().header("Authorization", "Bearer " + shop.adminKey()).get("/admin/v1/shops/{shop}/stats", shop.shop())
                .then().body("orders.total", equalTo(1));
    }

    @Test
    void shouldRefuseABodySignedWithAnotherSecretAndWriteNothing() {
        Admin shop = register("woo-forged.example");
        List<String> before = Redis.keys("triad:{woo-forged.example}:*");
        Stores.woo(shop.shop(), "order.created", Stores.fixture("woocommerce/order.json"), "someone-elses-secret")
                .then().statusCode(401).body("field", equalTo("X-WC-Webhook-Signature"));
        assertThat(Redis.keys("triad:{woo-forged.example}:*")).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void shouldRemoveADeletedProduct() {
        Admin shop = register("woo-delete.example");
        Stores.woo(shop.shop(), "product.created", Stores.fixture("woocommerce/product.json"), SECRET)
                .then().statusCode(200);
        Stores.woo(shop.shop(), "product.deleted", "{\"id\": 794}", SECRET).then().statusCode(200);
        given().header("Authorization", "Bearer " + shop.adminKey())
                .get("/admin/v1/shops/{shop}/products/{id}", shop.shop(), "794").then().statusCode(404);
    }

    @Test
    void shouldIgnoreAProductUpdateOlderThanTheOneAlreadyApplied() {
        Admin shop = register("woo-order-of-updates.example");
        Map<String, Object> product = new java.util.HashMap<>(JsonPath.from(Stores.fixture("woocommerce/product.json")).getMap(""));
        product.put("date_modified_gmt", "2026-11-23T12:00:00");
        product.put("price", "25.00");
        product.put("regular_price", "25.00");
        Stores.woo(shop.shop(), "product.updated", Orders.json(product), SECRET).then().statusCode(200);
        product.put("date_modified_gmt", "2026-11-23T11:00:00");
        product.put("price", "19.00");
        product.put("regular_price", "19.00");
        Stores.woo(shop.shop(), "product.updated", Orders.json(product), SECRET).then().statusCode(200);

        assertThat(shop.product("794").getString("product.variants[0].price")).isEqualTo("25.00");
    }

    @Test
    void shouldKeepEveryVariationWhenWooCommerceSendsAVariableProductsVariationsAllAtOnce() throws Exception {
        Admin shop = register("woo-variations.example");
        Map<String, Object> parent = wooProduct(900, "variable", "Trail Jacket", "20.00");
        Stores.woo(shop.shop(), "product.created", Orders.json(parent), SECRET).then().statusCode(200);
        List<String> sizes = List.of("901", "902", "903", "904", "905", "906");
        ExecutorService store = Executors.newFixedThreadPool(sizes.size());
        try {
            List<Future<Integer>> deliveries = new ArrayList<>();
            for (String size : sizes) {
                Map<String, Object> variation = wooProduct(Integer.parseInt(size), "variation", "Trail Jacket - " + size,
                        "3" + size.charAt(2) + ".00");
                variation.put("parent_id", 900);
                String body = Orders.json(variation);
                deliveries.add(store.submit(() -> Stores.woo(shop.shop(), "product.updated", body, SECRET).statusCode()));
            }
            for (Future<Integer> delivery : deliveries) {
                assertThat(delivery.get()).isEqualTo(200);
            }
        } finally {
            store.shutdownNow();
        }

        JsonPath jacket = shop.product("900");
        assertThat(jacket.getList("product.variants.id", String.class)).containsExactlyInAnyOrderElementsOf(sizes);
        assertThat(jacket.getString("product.variants.find { it.id == '904' }.price")).isEqualTo("34.00");
    }

    /** The fixture product as another product of the store. */
    static Map<String, Object> wooProduct(int id, String type, String name, String price) {
        Map<String, Object> product = new HashMap<>(JsonPath.from(Stores.fixture("woocommerce/product.json")).getMap(""));
        product.put("id", id);
        product.put("type", type);
        product.put("name", name);
        product.put("price", price);
        product.put("regular_price", price);
        return product;
    }

    static Admin register(String shop) {
        return Stores.register(shop, "woocommerce", Map.of("webhookSecret", SECRET));
    }
}
