package dev.triad.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.Admin;
import dev.triad.support.Orders;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * One rule for orders that did not go through, whatever the path. Bodies are the platforms' REST
 * orders from {@code ../shared/data/fixtures}: Shopify's {@code order.json} (shopify-api-ruby; its
 * {@code financial_status} takes pending, authorized, partially_paid, paid, partially_refunded,
 * refunded, voided per the Admin REST Order resource) and WooCommerce's {@code order.json}
 * (woocommerce-rest-api-docs; {@code status} takes pending, processing, on-hold, completed, cancelled,
 * refunded, failed, trash).
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class OrderOutcomeTest {

    @Test
    void shouldSkipOrdersThatDidNotGoThroughInAnNdjsonImportAsTheWebhooksDo() {
        Admin shop = Admin.register("ndjson-outcomes.example");
        StringBuilder ndjson = new StringBuilder();
        ndjson.append(shopifyOrder(1, "paid")).append('\n');
        ndjson.append(shopifyOrder(2, "refunded")).append('\n');
        ndjson.append(shopifyOrder(3, "voided")).append('\n');
        ndjson.append(wooOrder(4, "failed")).append('\n');
        ndjson.append(wooOrder(5, "cancelled")).append('\n');
        ndjson.append(wooOrder(6, "completed")).append('\n');

        JsonPath report = shop.importOrders("application/x-ndjson", ndjson.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(report.getLong("ordersTaken")).isEqualTo(2);
        assertThat(report.getLong("ordersSkipped")).isEqualTo(4);
        assertThat(report.getLong("linesTaken")).isEqualTo(3 + 2);
        assertThat(report.getLong("linesSkipped")).isEqualTo(3 + 3 + 2 + 2);
    }

    @Test
    void shouldNotCountAVoidedShopifyOrderDeliveredByWebhook() {
        Admin shop = Admin.register("webhook-voided.myshopify.com");
        Stores.shopify(shop.shop(), "orders/create", null, shopifyOrder(7, "voided")).then().statusCode(200);
        Stores.shopify(shop.shop(), "orders/create", null, shopifyOrder(8, "paid")).then().statusCode(200);

        assertThat(shop.product("632910392").getInt("orders")).isEqualTo(1);
    }

    @Test
    void shouldCountTheLinesOfOrdersItAlreadyHoldsAsSkippedWhenTheyAreImportedAgain() {
        Admin shop = Admin.register("reimport-lines.example");
        String orders = "order_id,product_id,quantity,price\no1,p-a,1,10.00\no1,p-b,1,4.00\no2,p-a,1,10.00\n";
        shop.importOrders(orders);

        JsonPath again = shop.importOrders(orders + "o3,p-b,1,4.00\n");

        assertThat(again.getLong("ordersTaken")).isEqualTo(1);
        assertThat(again.getLong("linesTaken")).isEqualTo(1);
        assertThat(again.getLong("linesSkipped")).isEqualTo(3);
    }

    /** Shopify's fixture order (three lines of product 632910392) with another id and financial status. */
    static String shopifyOrder(long id, String financialStatus) {
        Map<String, Object> order = new java.util.HashMap<>(orderOf(Stores.fixture("shopify/order.json")));
        order.put("id", 450789000L + id);
        order.put("financial_status", financialStatus);
        return Orders.json(order);
    }

    /** WooCommerce's fixture order (two lines) with another id and status. */
    static String wooOrder(long id, String status) {
        Map<String, Object> order = new java.util.HashMap<>(JsonPath.from(Stores.fixture("woocommerce/order.json")).getMap(""));
        order.put("id", 7000 + id);
        order.put("status", status);
        return Orders.json(order);
    }

    private static Map<String, Object> orderOf(String json) {
        JsonPath path = JsonPath.from(json);
        return path.getMap("order") != null ? path.getMap("order") : path.getMap("");
    }
}
