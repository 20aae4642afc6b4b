package dev.triad.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.Admin;
import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * What WooCommerce really sends, from its own code and documents:
 * <ul>
 * <li>signatures: {@code WC_Webhook::generate_signature} (woocommerce/includes/class-wc-webhook.php) is
 * {@code base64_encode(hash_hmac('sha256', $payload, wp_specialchars_decode($this->get_secret(), ENT_QUOTES), true))};
 * <li>bodies: {@code get_wp_api_payload} delivers the REST v3 resource ({@code /wc/v3/products/<id>},
 * {@code /wc/v3/orders/<id>}), so the fixtures of woocommerce-rest-api-docs in {@code ../shared/data/fixtures/woocommerce}
 * are the bodies; a {@code *.deleted} body is {@code {"id": <id>}} ("If a resource has been deleted, just include the ID");
 * <li>product types {@code simple}, {@code variable}, {@code variation}, {@code grouped}, {@code external}
 * (REST v3 product schema); an order line's {@code name} is stored HTML-escaped ({@code &ndash;} in the fixture order).
 * </ul>
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class WooFidelityTest {

    static final String SECRET = "woo-fidelity-secret";

    @Test
    void shouldAcceptDeliveriesSignedWithTheSecretDecodedAsWooCommerceDecodesItBeforeSigning() {
        // What the merchant registered is what WordPress shows in the webhook screen: entities and all.
        Admin shop = Stores.register("woo-entity-secret.example", "woocommerce",
                Map.of("webhookSecret", "tri&amp;ad &quot;s&#039;cret&#x27; &lt;1&gt;"));
        String signedWith = "tri&ad \"s'cret' <1>";

        Stores.woo(shop.shop(), "order.created", Stores.fixture("woocommerce/order.json"), signedWith)
                .then().statusCode(200);

        assertThat(shop.product("93").getInt("orders")).isEqualTo(1);
    }

    @Test
    void shouldShowTheTitlesOfProductsLearntFromWooCommerceOrdersWithoutHtmlEntities() {
        Admin shop = register("woo-titles.example");
        Stores.woo(shop.shop(), "order.created", Stores.fixture("woocommerce/order.json"), SECRET).then().statusCode(200);

        assertThat(shop.product("22").getString("product.title")).isEqualTo("Ship Your Idea \u2013 Color: Black, Size: M Test");
    }

    @Test
    void shouldNeverOfferAnExternalProductWhichCannotBeAddedToACart() {
        Admin shop = register("woo-external.example");
        Map<String, Object> affiliate = product(801, "external", "Partner Bike Rack", "120.00");
        affiliate.put("external_url", "https://partner.example/rack");
        affiliate.put("button_text", "Buy at partner");
        Map<String, Object> bike = product(800, "simple", "Road Bike", "900.00");
        Map<String, Object> bell = product(802, "simple", "Bell", "9.00");
        bike.put("cross_sell_ids", List.of(801, 802));
        for (Map<String, Object> p : List.of(affiliate, bell, bike)) {
            Stores.woo(shop.shop(), "product.created", Orders.json(p), SECRET).then().statusCode(200);
        }

        assertThat(offered(shop, "800", "900.00")).contains("802").doesNotContain("801");
    }

    @Test
    void shouldKeepAVariationDeliveredBeforeItsProductAndFileItUnderTheProductWhenItArrives() {
        Admin shop = register("woo-variation-first.example");
        Stores.woo(shop.shop(), "product.created", Orders.json(variation(911, 910, "Trail Jacket - M", "30.00", "T10:00:00")),
                SECRET).then().statusCode(200);
        Map<String, Object> parent = product(910, "variable", "Trail Jacket", "30.00");
        parent.put("variations", List.of(911));
        parent.put("date_modified_gmt", "2026-11-30T10:00:01");
        Stores.woo(shop.shop(), "product.created", Orders.json(parent), SECRET).then().statusCode(200);

        JsonPath jacket = shop.product("910");
        assertThat(jacket.getString("product.title")).isEqualTo("Trail Jacket");
        assertThat(jacket.getList("product.variants.id", String.class)).containsExactly("911");
        assertThat(jacket.getString("product.variants[0].price")).isEqualTo("30.00");
    }

    /**
     * A variation names its own values as {@code attributes: [{id, name, option}]} (WooCommerce REST API
     * v3, "Product variation properties"; the sample {@code ../shared/data/fixtures/woocommerce/product-variation.json}
     * has {@code {"id": 6, "name": "Color", "option": "Black"}}); an empty option is "any".
     */
    @Test
    void shouldKeepEachVariationsAttributesAsItsOptions() {
        Admin shop = register("woo-attributes.example");
        Map<String, Object> parent = product(930, "variable", "Trail Jacket", "30.00");
        parent.put("variations", List.of(931, 932));
        Stores.woo(shop.shop(), "product.created", Orders.json(parent), SECRET).then().statusCode(200);
        Map<String, Object> medium = variation(931, 930, "Trail Jacket - M", "30.00", "T10:00:00");
        medium.put("attributes", List.of(Map.of("id", 0, "name", "Size", "option", "M"),
                Map.of("id", 6, "name", "Color", "option", "Black")));
        Map<String, Object> any = variation(932, 930, "Trail Jacket - L", "32.00", "T10:00:01");
        any.put("attributes", List.of(Map.of("id", 0, "name", "Size", "option", "L"),
                Map.of("id", 6, "name", "Color", "option", "")));
        Stores.woo(shop.shop(), "product.created", Orders.json(medium), SECRET).then().statusCode(200);
        Stores.woo(shop.shop(), "product.created", Orders.json(any), SECRET).then().statusCode(200);

        JsonPath jacket = shop.product("930");
        assertThat(jacket.getMap("product.variants.find { it.id == '931' }.options"))
                .containsExactly(Map.entry("Size", "M"), Map.entry("Color", "Black"));
        assertThat(jacket.getMap("product.variants.find { it.id == '932' }.options")).containsExactly(Map.entry("Size", "L"));
    }

    @Test
    void shouldNoLongerOfferAVariationWooCommerceTrashedByItsIdAlone() {
        Admin shop = jacketWithTwoSizes("woo-variation-trashed.example");
        Stores.woo(shop.shop(), "product.deleted", "{\"id\":922}", SECRET).then().statusCode(200);

        assertThat(shop.product("920").getList("product.variants.id", String.class)).containsExactly("921");
    }

    @Test
    void shouldNoLongerOfferAVariationRemovedOnTheProductScreenWhichOnlyUpdatesItsProduct() {
        Admin shop = jacketWithTwoSizes("woo-variation-removed.example");
        Map<String, Object> parent = product(920, "variable", "Trail Jacket", "30.00");
        parent.put("variations", List.of(921));
        parent.put("date_modified_gmt", "2026-11-30T11:00:00");
        Stores.woo(shop.shop(), "product.updated", Orders.json(parent), SECRET).then().statusCode(200);

        assertThat(shop.product("920").getList("product.variants.id", String.class)).containsExactly("921");
    }

    /** A variable product 920 with sizes 921 (30.00) and 922 (34.00), delivered parent first. */
    static Admin jacketWithTwoSizes(String name) {
        Admin shop = register(name);
        Map<String, Object> parent = product(920, "variable", "Trail Jacket", "30.00");
        parent.put("variations", List.of(921, 922));
        parent.put("date_modified_gmt", "2026-11-30T10:00:00");
        Stores.woo(shop.shop(), "product.created", Orders.json(parent), SECRET).then().statusCode(200);
        Stores.woo(shop.shop(), "product.created", Orders.json(variation(921, 920, "Trail Jacket - M", "30.00", "T10:00:01")),
                SECRET).then().statusCode(200);
        Stores.woo(shop.shop(), "product.created", Orders.json(variation(922, 920, "Trail Jacket - L", "34.00", "T10:00:02")),
                SECRET).then().statusCode(200);
        assertThat(shop.product("920").getList("product.variants.id", String.class)).containsExactlyInAnyOrder("921", "922");
        return shop;
    }

    /**
     * A variation as a product webhook delivers it: {@code /wc/v3/products/<variation id>} answers the
     * product schema with {@code type: variation} and the {@code parent_id}.
     */
    static Map<String, Object> variation(int id, int parent, String name, String price, String time) {
        Map<String, Object> variation = product(id, "variation", name, price);
        variation.put("parent_id", parent);
        variation.put("date_modified_gmt", "2026-11-30" + time);
        return variation;
    }

    /**
     * The whole path of a WooCommerce session: the widget asks for offers and adds one under its session
     * id, keeps the id in the first-party {@code triad_session} cookie (the browser test checks that), the
     * store's checkout writes it into the order as {@code _triad_session} meta (the plugin's part: here
     * the order body carries it, as REST v3 {@code meta_data} entries {@code {id, key, value}}), and the
     * order counts in the session's group, won by the offer.
     */
    @Test
    void shouldCountAWooCommerceOrderCarryingTheWidgetsSessionInItsGroupAndAsWonByTheOffer() throws Exception {
        Admin shop = register("woo-session.example");
        Map<String, Object> bike = product(830, "simple", "Road Bike", "900.00");
        bike.put("cross_sell_ids", List.of(832));
        for (Map<String, Object> p : List.of(product(832, "simple", "Bell", "9.00"), bike)) {
            Stores.woo(shop.shop(), "product.created", Orders.json(p), SECRET).then().statusCode(200);
        }
        Map<String, Object> ask = new HashMap<>(BikeShop.cart(BikeShop.line("830", "830", 1, "900.00")));
        ask.put("sessionId", "s-woo-checkout");
        given().header("X-Triad-Key", shop.publishableKey()).contentType(ContentType.JSON).body(ask)
                .post("/v1/shops/{shop}/offers", shop.shop()).then().statusCode(200);
        given().header("X-Triad-Key", shop.publishableKey()).contentType(ContentType.JSON)
                .body(Map.of("type", "add", "sessionId", "s-woo-checkout",
                        "offers", List.of(Map.of("tier", 1, "kind", "add_on", "productIds", List.of("832")))))
                .post("/v1/shops/{shop}/events", shop.shop()).then().statusCode(202);
        awaitStats(shop, "exposed.sessions", 1);

        Map<String, Object> order = new HashMap<>(JsonPath.from(Stores.fixture("woocommerce/order.json")).getMap(""));
        order.put("id", 9830);
        order.put("line_items", List.of(line(830, "Road Bike", "900.00"), line(832, "Bell", "9.00")));
        order.put("meta_data", List.of(Map.of("id", 1, "key", "_triad_session", "value", "s-woo-checkout")));
        order.put("total", "909.00");
        Stores.woo(shop.shop(), "order.created", Orders.json(order), SECRET).then().statusCode(200);

        JsonPath stats = awaitStats(shop, "exposed.orders", 1);
        assertThat(stats.getLong("exposed.orders")).isEqualTo(1);
        assertThat(stats.getLong("orders.attributed")).isEqualTo(1);
        assertThat(stats.getString("orders.attributedRevenue")).isEqualTo("9.00");
    }

    static Map<String, Object> line(int productId, String name, String price) {
        return Map.of("id", productId * 10, "name", name, "product_id", productId, "variation_id", 0, "quantity", 1,
                "subtotal", price, "total", price, "price", price, "sku", "");
    }

    static JsonPath awaitStats(Admin shop, String field, long atLeast) throws InterruptedException {
        for (int i = 0;; i++) {
            JsonPath stats = given().header("Authorization", "Bearer " + shop.adminKey())
                    .get("/admin/v1/shops/{shop}/stats", shop.shop()).then().statusCode(200).extract().jsonPath();
            if (stats.getLong(field) >= atLeast || i > 100) {
                return stats;
            }
            Thread.sleep(100);
        }
    }

    static List<String> offered(Admin shop, String productId, String price) {
        Response answer = given().header("X-Triad-Key", shop.publishableKey()).contentType(ContentType.JSON)
                .body(BikeShop.cart(BikeShop.line(productId, productId, 1, price)))
                .post("/v1/shops/{shop}/offers", shop.shop());
        JsonPath json = answer.then().statusCode(200).extract().jsonPath();
        List<String> ids = new java.util.ArrayList<>(json.getList("offers.productId", String.class));
        ids.addAll(json.getList("offers.items.flatten().productId", String.class));
        ids.removeIf(java.util.Objects::isNull);
        return ids;
    }

    /** The fixture product as another product of the store, not on sale, without linked products. */
    static Map<String, Object> product(int id, String type, String name, String price) {
        Map<String, Object> product = WooWebhookTest.wooProduct(id, type, name, price);
        product.put("sale_price", "");
        product.put("cross_sell_ids", List.of());
        product.put("upsell_ids", List.of());
        return product;
    }

    static Admin register(String shop) {
        return Stores.register(shop, "woocommerce", Map.of("webhookSecret", SECRET));
    }
}
