package dev.triad.shopifyapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.triad.offer.OfferToken;
import dev.triad.offer.OfferTokens;
import dev.triad.support.RedisTestResource;
import dev.triad.support.ShopifyAdminMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The thank-you Checkout UI extension and the routes it asks: src/test/js/thank-you.test.mjs runs the
 * extension's code against this Triad with the {@code shopify} global in the shapes of
 * {@code @shopify/ui-extensions} 2025-10; here, what the routes answer to what the extension cannot show
 * (CORS preflight, refused tokens, an expired offer's link). Admin API calls as in {@link DiscountClaimTest}.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(ShopifyAdminMock.class)
class ThankYouExtensionTest {

    static final String SHOP = "thank-you.myshopify.com";
    static final Path TESTS = Path.of("src", "test", "js");

    @Inject
    OfferTokens tokens;

    @BeforeEach
    void installTheShop() {
        ShopifyInstallTest.script(SHOP, "shpat_thank_you", "USD");
        ShopifyInstallTest.install(ShopifyInstallTest.sessionToken(SHOP, ShopifyAdminMock.CLIENT_ID,
                RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200);
        product("1001", "Trail Bike", "2001", "799.00", List.of("1002", "1003", "1004"));
        product("1002", "Helmet", "2002", "49.00", List.of());
        product("1003", "Lock", "2003", "25.00", List.of());
        product("1004", "Light", "2004", "19.00", List.of());
        ShopifyAdminMock.server().stubFor(post(urlEqualTo("/" + SHOP + "/admin/api/2025-10/graphql.json"))
                .withRequestBody(containing("discountCode"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"data\":{\"discountCodeBxgyCreate\":{\"codeDiscountNode\":{\"id\":"
                                + "\"gid://shopify/DiscountCodeNode/1057371301\"},\"userErrors\":[]}}}")));
    }

    @Test
    void shouldShowTheOrdersOffersForTheNextOrderInTheThankYouExtension() throws Exception {
        assumeTrue(Files.isDirectory(TESTS.resolve("node_modules/@shopify/ui-extensions")),
                "THANK-YOU EXTENSION TESTS SKIPPED: npm ci --prefix src/test/js has not run");
        ProcessBuilder node = new ProcessBuilder("node", "thank-you.test.mjs").directory(TESTS.toFile())
                .redirectErrorStream(true);
        node.environment().putAll(Map.of("TRIAD_URL", "http://localhost:" + RestAssured.port, "SHOP", SHOP,
                "SHOPIFY_SECRET", RedisTestResource.SHOPIFY_SECRET, "CLIENT_ID", ShopifyAdminMock.CLIENT_ID));
        Process run = node.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!run.waitFor(120, TimeUnit.SECONDS)) {
            run.destroyForcibly();
        }
        System.out.println(output);
        assertEquals(0, run.exitValue(), "the thank-you extension tests failed:\n" + output);
    }

    @Test
    void shouldLetTheExtensionsSandboxAskWithItsTokenFromAnyOrigin() {
        given().header("Origin", "https://extensions.shopifycdn.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/shopify/v1/thank-you-offers").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsString("Authorization"));
    }

    @Test
    void shouldRefuseAnAppBridgeTokenWithoutAShopOrAnyTokenAtAll() {
        given().contentType(ContentType.JSON).body("{}").post("/shopify/v1/thank-you-offers").then().statusCode(401)
                .contentType("application/problem+json");
        String otherApp = ShopifyInstallTest.sessionToken(SHOP, "another-apps-client-id", RedisTestResource.SHOPIFY_SECRET, 0);
        given().header("Authorization", "Bearer " + otherApp).contentType(ContentType.JSON).body("{}")
                .post("/shopify/v1/thank-you-offers").then().statusCode(401);
    }

    @Test
    void shouldRefuseABodyLargerThanAnOfferRequestBeforeLookingAtTheToken() {
        given().header("Authorization", "Bearer not-even-a-token").contentType(ContentType.JSON)
                .body("{\"cart\":\"" + "x".repeat(70_000) + "\"}").post("/shopify/v1/thank-you-offers")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shouldSendAnExpiredOffersLinkToTheItemsAtTheirUsualPricesAndMakeNoCode() {
        ShopifyAdminMock.server().resetRequests();
        String expired = tokens.mint(new OfferToken(SHOP, "bundle", Instant.now().getEpochSecond() - 5, "USD",
                new BigDecimal("7.40"), List.of(new OfferToken.Line("1002", "2002", new BigDecimal("49.00")),
                        new OfferToken.Line("1003", "2003", new BigDecimal("25.00")))));

        given().redirects().follow(false).queryParam("shop", SHOP).queryParam("token", expired).get("/shopify/v1/take")
                .then().statusCode(303).header("Location", "https://" + SHOP + "/cart/2002:1,2003:1");
        ShopifyAdminMock.server().verify(0, postRequestedFor(urlEqualTo("/" + SHOP + "/admin/api/2025-10/graphql.json"))
                .withRequestBody(containing("discountCode")));
        given().redirects().follow(false).queryParam("shop", SHOP).queryParam("token", expired + "x")
                .get("/shopify/v1/take").then().statusCode(403);
        assertThat(given().redirects().follow(false).queryParam("shop", "other.myshopify.com").queryParam("token", expired)
                .get("/shopify/v1/take").statusCode()).isEqualTo(403);
    }

    private static void product(String id, String title, String variant, String price, List<String> complements) {
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("title", title, "variants", List.of(Map.of("id", variant, "price", price, "inStock", true)),
                        "complements", complements))
                .put("/admin/v1/shops/{shop}/products/{id}", SHOP, id).then().statusCode(200);
    }
}
