package dev.triad.widget;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.BrowserTests;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The widget on a real storefront page in headless Chromium: src/test/js/widget.test.mjs (suite
 * "widget") drives a local test storefront (static pages, fake Shopify and WooCommerce carts) against
 * this Triad ({@link BrowserTests}).
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class WidgetBrowserTest {

    @Test
    void shouldShowTheRuleOfThreeOnAStorefrontAndStayOutOfTheWayInChromium() throws Exception {
        BrowserTests.requireBrowser();
        int storePort = BrowserTests.freePort();
        BikeShop bikes = BikeShop.register("widget-" + getClass().getSimpleName().toLowerCase() + ".example",
                Map.of("freeShippingThreshold", "1000.00"), List.of("http://127.0.0.1:" + storePort));
        String images = "http://127.0.0.1:" + storePort + "/img/";
        picture(bikes, "p-helmet", "Helmet", "helmets", BikeShop.variant("v-helmet", "49.00", true), images + "helmet.svg");
        picture(bikes, "p-lock", "Lock", "locks", BikeShop.variant("v-lock", "25.00", true), images + "lock.svg");
        picture(bikes, "p-bike-700", "Trail Bike 700", "bikes", BikeShop.variant("v-700-m", "949.00", true),
                images + "bike.svg");
        BrowserTests.run("widget", storePort, bikes.shop, bikes.publishableKey, bikes.adminKey);
    }

    /** The product as the bike shop has it, with a picture served by the test storefront. */
    static void picture(BikeShop shop, String id, String title, String type, Map<String, Object> variant, String image) {
        RestAssured.given().header("Authorization", "Bearer " + shop.adminKey).contentType("application/json")
                .body(Map.of("title", title, "type", type, "image", image, "variants", List.of(variant)))
                .put("/admin/v1/shops/{shop}/products/{id}", shop.shop, id).then().statusCode(200);
    }
}
