package dev.triad.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.Admin;
import dev.triad.support.Orders;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Files and live traffic name a Shopify product the same way. Shapes: Shopify's REST product and
 * order ({@code ../shared/data/fixtures/shopify/product.json}, {@code order.json}, shopify-api-ruby: the
 * iPod Nano with SKUs IPOD2008PINK/RED/GREEN/BLACK, order #1001 of its variants); the order export's
 * columns ({@code formats/shopify-orders-export-header.csv}: Name on every row, Id, Lineitem sku, …)
 * and the product CSV's legacy layout ({@code formats/shopify-products-legacy-sample.csv}: Handle,
 * Variant SKU, …). Ids are moved off the fixtures' (Shopify ids belong to one shop, and other tests
 * deliver the fixtures for theirs).
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class ShopifyIdentityTest {

    @Test
    void shouldCountAnOrderInTheShopifyExportAndInItsWebhookOnceUnderOneProduct() {
        Admin shop = Admin.register("identity-orders.myshopify.com");
        Stores.shopify(shop.shop(), "products/update", null, ipod(632910901L)).then().statusCode(200);

        shop.importOrders("""
                Name,Email,Financial Status,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Id
                #1001,bob@example.com,paid,1,IPod Nano - 8gb,199.00,IPOD2008GREEN,450789901
                #1001,bob@example.com,,1,IPod Nano - 8gb,199.00,IPOD2008RED,
                """);
        Stores.shopify(shop.shop(), "orders/create", null, order(450789901L, 632910901L)).then().statusCode(200);

        assertThat(Redis.command("HLEN", "triad:{" + shop.shop() + "}:orders")).isEqualTo(":1");
        assertThat(shop.product("632910901").getInt("orders")).isEqualTo(1);
        given().header("Authorization", "Bearer " + shop.adminKey())
                .get("/admin/v1/shops/{shop}/products/{id}", shop.shop(), "sku-ipod2008green").then().statusCode(404);
    }

    @Test
    void shouldFileAShopifyProductCsvUnderTheIdsItsWebhooksUse() {
        Admin shop = Admin.register("identity-catalog.myshopify.com");
        Stores.shopify(shop.shop(), "products/update", null, ipod(632910902L)).then().statusCode(200);

        given().header("Authorization", "Bearer " + shop.adminKey()).contentType("text/csv").body("""
                Handle,Title,Type,Published,Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src
                ipod-nano,iPod Nano 8GB,Cult Products,TRUE,Color,Pink,IPOD2008PINK,199.00,
                ipod-nano,,,,,Red,IPOD2008RED,189.00,
                """).post("/admin/v1/shops/{shop}/catalog", shop.shop()).then().statusCode(200);

        JsonPath ipod = shop.product("632910902");
        assertThat(ipod.getString("product.title")).isEqualTo("iPod Nano 8GB");
        assertThat(ipod.getList("product.variants.id", String.class)).containsExactly("808950810", "49148385");
        given().header("Authorization", "Bearer " + shop.adminKey())
                .get("/admin/v1/shops/{shop}/products/{id}", shop.shop(), "ipod-nano").then().statusCode(404);
    }

    @Test
    void shouldJoinAShopSetUpFromFilesWithTheIdsItsWebhooksBringAndOfferForThem() {
        Admin shop = Admin.register("identity-files-first.myshopify.com");
        given().header("Authorization", "Bearer " + shop.adminKey()).contentType("text/csv").body("""
                Handle,Title,Type,Published,Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src
                ipod-nano,iPod Nano 8GB,Cult Products,TRUE,Color,Pink,IPOD2008PINK,199.00,
                ipod-case,iPod Case,Accessories,TRUE,,,CASE-1,19.00,
                """).post("/admin/v1/shops/{shop}/catalog", shop.shop()).then().statusCode(200);
        shop.importOrders("""
                Name,Financial Status,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku
                #1,paid,1,iPod Nano,199.00,IPOD2008PINK
                #1,,1,iPod Case,19.00,CASE-1
                #2,paid,1,iPod Nano,199.00,IPOD2008PINK
                #2,,1,iPod Case,19.00,CASE-1
                #3,paid,1,iPod Nano,199.00,IPOD2008PINK
                #3,,1,iPod Case,19.00,CASE-1
                """);

        Stores.shopify(shop.shop(), "products/update", null, ipod(632910903L)).then().statusCode(200);
        Stores.shopify(shop.shop(), "products/update", null, product(632910904L, "ipod-case", "iPod Case", "CASE-1",
                19.00)).then().statusCode(200);
        shop.rebuild();

        assertThat(shop.product("632910903").getInt("orders")).isEqualTo(3);
        given().header("Authorization", "Bearer " + shop.adminKey())
                .get("/admin/v1/shops/{shop}/products/{id}", shop.shop(), "ipod-nano").then().statusCode(404);
        JsonPath offers = given().header("X-Triad-Key", shop.publishableKey()).contentType("application/json")
                .body(dev.triad.support.BikeShop.cart(dev.triad.support.BikeShop.line("632910903", "808950810", 1, "199.00")))
                .post("/v1/shops/{shop}/offers", shop.shop()).then().statusCode(200).extract().jsonPath();
        assertThat(offers.getList("offers.productId", String.class)).contains("632910904");
    }

    /** The fixture product as product {@code id}. */
    static String ipod(long id) {
        JsonPath fixture = JsonPath.from(Stores.fixture("shopify/product.json"));
        Map<String, Object> product = new HashMap<>(fixture.getMap("product") != null ? fixture.getMap("product")
                : fixture.getMap(""));
        product.put("id", id);
        return Orders.json(product);
    }

    /** Another product of the fixture's shape: one variant with {@code sku}. */
    static String product(long id, String handle, String title, String sku, double price) {
        JsonPath fixture = JsonPath.from(Stores.fixture("shopify/product.json"));
        Map<String, Object> product = new HashMap<>(fixture.getMap("product") != null ? fixture.getMap("product")
                : fixture.getMap(""));
        product.put("id", id);
        product.put("handle", handle);
        product.put("title", title);
        product.put("product_type", "Accessories");
        product.put("variants", List.of(Map.of("id", id + 1, "product_id", id, "title", "Default Title",
                "price", String.format(java.util.Locale.ROOT, "%.2f", price), "sku", sku, "inventory_policy", "deny",
                "inventory_quantity", 5)));
        return Orders.json(product);
    }

    /** The fixture order as order {@code id}, its lines of product {@code productId}. */
    static String order(long id, long productId) {
        JsonPath fixture = JsonPath.from(Stores.fixture("shopify/order.json"));
        Map<String, Object> order = new HashMap<>(fixture.getMap("order") != null ? fixture.getMap("order")
                : fixture.getMap(""));
        order.put("id", id);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Object line : (List<?>) order.get("line_items")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = new HashMap<>((Map<String, Object>) line);
            copy.put("product_id", productId);
            lines.add(copy);
        }
        order.put("line_items", lines);
        return Orders.json(order);
    }
}
