package dev.triad.shopifyapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BrowserTests;
import dev.triad.support.RedisTestResource;
import dev.triad.support.ShopifyAdminMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Discounts in Chromium, as a shopper meets them on a shop that installed the app: the pop-up's bundle
 * claimed through the App Proxy and its code joining the cart's codes ({@code /cart/update.js}), and a
 * limited-time add-on's countdown that a reload does not start again. Triad's Admin API calls are
 * answered by {@link ShopifyAdminMock} as in {@link DiscountClaimTest}; the suite "discounts" of
 * src/test/js/widget.test.mjs drives the browser.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(ShopifyAdminMock.class)
class DiscountBrowserTest {

    static final String SHOP = "discount-browser.myshopify.com";

    @Test
    void shouldChargeWhatThePopUpShowsAndCountDownHonestlyInChromium() throws Exception {
        BrowserTests.requireBrowser();
        int storePort = BrowserTests.freePort();
        ShopifyInstallTest.script(SHOP, "shpat_discount_browser", "USD");
        String key = ShopifyInstallTest.install(ShopifyInstallTest.sessionToken(SHOP, ShopifyAdminMock.CLIENT_ID,
                RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200).extract().path("publishableKey");
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("platform", "shopify", "currency", "USD",
                        "settings", Map.of("limitedTimeMinutes", 15, "limitedTimePercent", 10)))
                .put("/admin/v1/shops/{shop}", SHOP).then().statusCode(200);
        String images = "http://127.0.0.1:" + storePort + "/img/";
        product("1001", "Trail Bike", "2001", "799.00", List.of("1002", "1003", "1004"), images + "bike.svg");
        product("1002", "Helmet", "2002", "49.00", List.of(), images + "helmet.svg");
        product("1003", "Lock", "2003", "25.00", List.of(), images + "lock.svg");
        product("1004", "Light", "2004", "19.00", List.of(), images + "light.svg");
        ShopifyAdminMock.server().stubFor(post(urlEqualTo("/" + SHOP + "/admin/api/2025-10/graphql.json"))
                .withRequestBody(containing("discountCode"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"data\":{\"discountCodeBxgyCreate\":{\"codeDiscountNode\":{\"id\":"
                                + "\"gid://shopify/DiscountCodeNode/1057371201\"},\"userErrors\":[]},"
                                + "\"discountCodeBasicCreate\":{\"codeDiscountNode\":{\"id\":"
                                + "\"gid://shopify/DiscountCodeNode/1057371202\"},\"userErrors\":[]}}}")));

        BrowserTests.run("discounts", storePort, SHOP, key, RedisTestResource.OPERATOR_KEY);
    }

    private static void product(String id, String title, String variant, String price, List<String> complements,
            String image) {
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("title", title, "image", image, "complements", complements,
                        "variants", List.of(Map.of("id", variant, "price", price, "inStock", true))))
                .put("/admin/v1/shops/{shop}/products/{id}", SHOP, id).then().statusCode(200);
    }
}
