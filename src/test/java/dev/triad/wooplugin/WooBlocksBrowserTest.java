package dev.triad.wooplugin;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BrowserTests;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The WooCommerce plugin's Cart block script in headless Chromium (src/test/js/woo-blocks.test.mjs, with
 * {@code wc.blocksCheckout} and the Store API stubbed as WooCommerce documents them) against this Triad: a
 * WooCommerce shop whose trail bike has the helmet and the lock pinned as complements (WooCommerce's
 * cross-sells), so its offers hold an add-on and a discounted bundle with a token.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class WooBlocksBrowserTest {

    static final String SHOP = "blocks.woo.example";

    @Test
    void theCartBlockShowsTheOffersAddsThroughTheStoreApiAndHandsTheTokenOver() throws Exception {
        BrowserTests.requireBrowser();
        JsonPath shop = given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .contentType(ContentType.JSON).body(Map.of("platform", "woocommerce", "currency", "USD",
                        "settings", Map.of("bundleDiscountPercent", 10)))
                .put("/admin/v1/shops/{shop}", SHOP).then().statusCode(201).extract().jsonPath();
        product("101", "Trail Bike", "799.00", List.of("102", "103"), List.of(Map.of("id", "101", "price", "799.00",
                "inStock", true)));
        product("102", "Helmet", "49.00", List.of(), List.of(Map.of("id", "102", "price", "49.00", "inStock", true)));
        product("103", "Lock", "25.00", List.of(), List.of(Map.of("id", "103", "price", "25.00", "inStock", true)));
        product("201", "Jersey", "45.00", List.of(), List.of(Map.of("id", "202", "price", "45.00", "inStock", true,
                "options", Map.of("Size", "M"))));
        BrowserTests.runScript("woo-blocks.test.mjs", Map.of("SHOP", SHOP, "KEY", shop.getString("publishableKey"),
                "PRODUCTS", "{\"bike\":101,\"jersey\":201,\"jerseyM\":202}"));
    }

    private static void product(String id, String title, String price, List<String> complements,
            List<Map<String, Object>> variants) {
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("title", title, "url", "/product/" + id, "variants", variants, "complements", complements))
                .put("/admin/v1/shops/{shop}/products/{id}", SHOP, id).then().statusCode(200);
    }
}
