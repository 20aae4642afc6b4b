package dev.triad.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.base.Texts;
import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What one shop sends can never make its sheets, or its rebuild, big enough to slow the others:
 * stored texts, links, order sizes and mined pairs are bounded whichever way they arrive. Webhook
 * bodies follow Shopify's {@code products/update} shape (../shared/data/fixtures/shopify/product.json).
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class StoredBoundsTest {

    @Test
    void shouldKeepAMegabyteTitleFromAWebhookToItsFirstThousandCharacters() {
        BikeShop bikes = BikeShop.register("bounds-title.myshopify.com");
        String product = Orders.json(Map.of("id", "p-long", "title", "T".repeat(1 << 20), "product_type", "helmets",
                "variants", List.of(Map.of("id", "v-long", "price", "50.00"))));

        Stores.shopify(bikes.shop, "products/update", "e", product).then().statusCode(200);

        String title = given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-long")
                .then().statusCode(200).extract().path("product.title");
        assertThat(title).hasSize(Texts.MAX_TEXT);
    }

    @Test
    void shouldNeverStoreAScriptLinkThatAWebhookSends() {
        BikeShop bikes = BikeShop.register("bounds-links.myshopify.com");
        String product = Orders.json(Map.of("id", "p-script", "title", "Script", "handle", "script",
                "image", Map.of("src", "javascript:alert(document.cookie)"),
                "variants", List.of(Map.of("id", "v-script", "price", "5.00"))));

        Stores.shopify(bikes.shop, "products/update", "e", product).then().statusCode(200);

        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-script")
                .then().statusCode(200).body("product.image", nullValue()).body("product.url", equalTo("/products/script"));
    }

    @Test
    void shouldRefuseAScriptLinkFromTheAdminApiNamingTheField() {
        BikeShop bikes = BikeShop.register("bounds-admin-links.example");

        given().header("Authorization", "Bearer " + bikes.adminKey).contentType(ContentType.JSON)
                .body(Map.of("title", "Lamp", "url", "javascript:alert(1)",
                        "variants", List.of(Map.of("id", "v-lamp", "price", "9.00"))))
                .put("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-lamp")
                .then().statusCode(400).body("field", equalTo("url"));
    }

    @Test
    void shouldMineOnlyTheFirstFiftyProductsOfAHugeOrderAndSaySo() {
        BikeShop bikes = BikeShop.register("bounds-huge-order.example");
        StringBuilder csv = new StringBuilder("order_id,product_id,price\n");
        for (int p = 0; p < 100; p++) {
            csv.append("huge-1,q-").append(p).append(",1.00\n");
        }

        given().header("Authorization", "Bearer " + bikes.adminKey).contentType("text/csv").body(csv.toString())
                .post("/admin/v1/shops/{shop}/orders", bikes.shop)
                .then().statusCode(200).body("ordersTaken", equalTo(1)).body("linesSkipped", equalTo(50));

        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "q-49").then().body("orders", equalTo(1));
        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "q-50").then().body("orders", equalTo(0));
    }
}
