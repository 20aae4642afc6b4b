package dev.triad.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.base.Signatures;
import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * What Shopify really sends, from its documents and its own library:
 * <ul>
 * <li>the "Events" delivery style names its headers without {@code X-}: {@code shopify-hmac-sha256},
 * {@code shopify-topic}, {@code shopify-shop-domain} ({@code ShopifyEventsHeader} in
 * {@code @shopify/shopify-api} 13.1.0, lib/types.ts, and {@code WEBHOOK_HEADER_NAMES.events});
 * <li>{@code customers/redact} and {@code customers/data_request} name the customer by {@code id},
 * {@code email} and {@code phone} (samples in {@code ../shared/data/fixtures/shopify}); a customer
 * without an account has no {@code id}, and Shopify expects 200 for every valid compliance delivery
 * (shopify.dev, "Privacy law compliance");
 * <li>the App Proxy signature: shopify.dev "Authenticate app proxies" computes
 * {@code query_hash.collect{|k, v| "#{k}=#{Array(v).join(',')}"}.sort.join}: the {@code key=value}
 * strings are sorted, not the keys. (The Node library sorts keys with {@code localeCompare}; the two
 * differ only when one key extends another, and this follows the documentation.)
 * <li>a product's options: {@code options: [{id, product_id, name, position, values}]} and each
 * variant's {@code option1}…{@code option3} by position (shopify.dev, REST Admin API "Product" and
 * "Product Variant" resources, 2024-10); a product without options has the option "Title" with the
 * value "Default Title".
 * </ul>
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class ShopifyFidelityTest {

    @Test
    void shouldTakeADeliveryInTheEventsHeaderStyleWithoutTheXPrefix() {
        BikeShop bikes = BikeShop.register("events-style.myshopify.com");
        byte[] body = Orders.shopify("ev-1", null, null, "p-bike-500", "799.00", "p-helmet", "49.00")
                .getBytes(StandardCharsets.UTF_8);

        given().contentType(ContentType.JSON)
                .header("shopify-hmac-sha256", Stores.sign(RedisTestResource.SHOPIFY_SECRET, body))
                .header("shopify-topic", "orders/create").header("shopify-shop-domain", bikes.shop)
                .header("shopify-event-id", "evt-1").body(body).post("/webhooks/shopify")
                .then().statusCode(200).body("result", equalTo("processed"));

        assertThat(given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-helmet").then().extract().jsonPath()
                .getInt("orders")).isEqualTo(1);
    }

    @Test
    void shouldAnswer200ToComplianceDeliveriesThatNameTheCustomerByEmailOnly() {
        BikeShop bikes = BikeShop.register("email-only.myshopify.com");
        String redact = Stores.fixture("shopify/customers-redact-sample.json").replace("{shop}.myshopify.com", bikes.shop)
                .replace("\"id\": 191167,", "");
        String request = Stores.fixture("shopify/customers-data-request-sample.json")
                .replace("{shop}.myshopify.com", bikes.shop).replace("\"id\": 191167,", "");
        assertThat(redact).doesNotContain("191167");

        Stores.shopify(bikes.shop, "customers/redact", null, redact).then().statusCode(200);
        Stores.shopify(bikes.shop, "customers/data_request", null, request).then().statusCode(200);
    }

    @Test
    void shouldAcceptAnAppProxyQueryWhoseKeysExtendEachOtherSignedAsShopifyDocumentsIt() {
        BikeShop bikes = BikeShop.register("proxy-a1.myshopify.com");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("shop", bikes.shop);
        query.put("path_prefix", "/apps/triad");
        query.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        query.put("a", "x");
        query.put("a1", "y");
        RequestSpecification request = given();
        query.forEach(request::queryParam);

        request.queryParam("signature", documentedSignature(query)).contentType(ContentType.JSON)
                .body(Orders.json(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00"))))
                .post("/proxy/v1/offers").then().statusCode(200);
    }

    /** shopify.dev's algorithm, written out apart from Triad's: "k=v" strings, sorted, joined, HMAC-SHA256 in hex. */
    static String documentedSignature(Map<String, String> query) {
        List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(k + "=" + v));
        pairs.sort(null);
        return HexFormat.of().formatHex(Signatures.hmacSha256(RedisTestResource.SHOPIFY_SECRET.getBytes(StandardCharsets.UTF_8),
                String.join("", pairs).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldUpgradeAShopifyPhoneAlongItsStorageOptionInTheSameColour() {
        BikeShop shop = BikeShop.register("options.myshopify.com");
        Map<String, Object> phone = new LinkedHashMap<>();
        phone.put("id", 7001);
        phone.put("title", "Phone");
        phone.put("product_type", "phones");
        phone.put("handle", "phone");
        phone.put("status", "active");
        phone.put("options", List.of(
                Map.of("id", 1, "product_id", 7001, "name", "Storage", "position", 1, "values", List.of("128 GB", "256 GB")),
                Map.of("id", 2, "product_id", 7001, "name", "Color", "position", 2, "values", List.of("Black", "Blue"))));
        phone.put("variants", List.of(phoneVariant(71, "128 GB", "Black", "799.00"), phoneVariant(72, "128 GB", "Blue", "799.00"),
                phoneVariant(73, "256 GB", "Blue", "899.00"), phoneVariant(74, "256 GB", "Black", "899.00")));
        Stores.shopify(shop.shop, "products/create", "event-phone", Orders.json(phone)).then().statusCode(200);

        given().header("Authorization", "Bearer " + shop.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", shop.shop, "7001").then().statusCode(200)
                .body("product.variants[0].options.Storage", equalTo("128 GB"))
                .body("product.variants[0].options.Color", equalTo("Black"));
        shop.offers(BikeShop.cart(BikeShop.line("7001", "71", 1, "799.00"))).then().statusCode(200)
                .body("offers.find { it.kind == 'upgrade' }.variantId", equalTo("74"));
    }

    private static Map<String, Object> phoneVariant(long id, String storage, String color, String price) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("product_id", 7001);
        v.put("title", storage + " / " + color);
        v.put("price", price);
        v.put("option1", storage);
        v.put("option2", color);
        v.put("option3", null);
        v.put("inventory_policy", "deny");
        v.put("inventory_management", null);
        return v;
    }
}
