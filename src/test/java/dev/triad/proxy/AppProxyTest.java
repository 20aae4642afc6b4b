package dev.triad.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.base.Signatures;
import dev.triad.support.AppProxy;
import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class AppProxyTest {

    static final String ONE_BIKE = Orders.json(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")));

    @Test
    void shouldSignTheQueryTheWayShopifysDocumentationShows() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("extra", List.of("1", "2"));
        query.put("shop", List.of("shop-name.myshopify.com"));
        query.put("path_prefix", List.of("/apps/awesome_reviews"));
        query.put("timestamp", List.of("1317327555"));
        query.put("signature", List.of("a9718877bea71c2484f91608a7eaea1532bdf71f5c56825065fa4ccabe549ef3"));
        String message = AppProxySignature.signedMessage(query);
        assertThat(message).isEqualTo("extra=1,2path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555");
        assertThat(Signatures.hexMatches("hush", message, query.get("signature").get(0))).isTrue();
    }

    @Test
    void shouldAnswerOffersToASignedProxyRequestWithoutAKey() {
        BikeShop bikes = BikeShop.register("proxy.myshopify.com");
        signed(bikes.shop, Instant.now().getEpochSecond(), null).contentType(ContentType.JSON).body(ONE_BIKE)
                .post("/proxy/v1/offers").then().statusCode(200).body("shop", equalTo(bikes.shop))
                .body("offers.kind", hasItem("bundle"));
        signed(bikes.shop, Instant.now().getEpochSecond(), Map.of("request", ONE_BIKE))
                .get("/proxy/v1/offers").then().statusCode(200).body("offers.kind", hasItem("upgrade"));
    }

    @Test
    void shouldRefuseAForgedOrReplayedProxyRequest() {
        BikeShop bikes = BikeShop.register("proxy-forged.myshopify.com");
        long now = Instant.now().getEpochSecond();
        given().queryParam("shop", bikes.shop).queryParam("timestamp", now).queryParam("signature", "00ff")
                .contentType(ContentType.JSON).body(ONE_BIKE).post("/proxy/v1/offers")
                .then().statusCode(401).body("field", equalTo("signature"));
        signed(bikes.shop, now - 600, null).contentType(ContentType.JSON).body(ONE_BIKE).post("/proxy/v1/offers")
                .then().statusCode(401).body("field", equalTo("timestamp"));
        // Signed for one shop, sent for another: the signature no longer matches.
        String signature = signature(Map.of("shop", bikes.shop, "timestamp", String.valueOf(now)));
        given().queryParam("shop", "another.myshopify.com").queryParam("timestamp", now)
                .queryParam("signature", signature).contentType(ContentType.JSON).body(ONE_BIKE)
                .post("/proxy/v1/offers").then().statusCode(401);
    }

    /** The theme app embed sends its events through the proxy too: no key in the page, the shop signed by Shopify. */
    @Test
    void shouldTakeTheWidgetsEventsThroughTheProxyForTheSignedShopOnly() {
        BikeShop bikes = BikeShop.register("proxy-events.myshopify.com");
        String requestId = signed(bikes.shop, Instant.now().getEpochSecond(), null).contentType(ContentType.JSON)
                .body(ONE_BIKE).post("/proxy/v1/offers").then().statusCode(200).extract().path("requestId");
        String impression = dev.triad.support.Orders.json(Map.of("type", "impression", "sessionId", "s-proxy",
                "requestId", requestId, "placement", "checkout",
                "offers", List.of(Map.of("tier", 1, "kind", "add_on", "productIds", List.of("p-helmet")))));

        signed(bikes.shop, Instant.now().getEpochSecond(), null).body(impression).post("/proxy/v1/events")
                .then().statusCode(202);
        given().queryParam("shop", bikes.shop).queryParam("timestamp", Instant.now().getEpochSecond())
                .queryParam("signature", "00ff").body(impression).post("/proxy/v1/events").then().statusCode(401);
        signed("unknown-events.myshopify.com", Instant.now().getEpochSecond(), null).body(impression)
                .post("/proxy/v1/events").then().statusCode(404).body("field", equalTo("shop"));

        given().header("Authorization", "Bearer " + bikes.adminKey).get("/admin/v1/shops/{shop}/stats", bikes.shop)
                .then().statusCode(200).body("funnel.impressions", equalTo(1));
    }

    @Test
    void shouldTreatTheLoggedInCustomerAsTheCustomer() {
        BikeShop bikes = BikeShop.register("proxy-customer.myshopify.com");
        given().header("X-Triad-Key", bikes.publishableKey).contentType(ContentType.JSON)
                .body(Map.of("type", "dismiss", "customerId", "8812", "offers",
                        List.of(Map.of("kind", "add_on", "productIds", List.of("p-helmet")))))
                .post("/v1/shops/{shop}/events", bikes.shop).then().statusCode(202);

        List<String> offered = signed(bikes.shop, Instant.now().getEpochSecond(), Map.of("logged_in_customer_id", "8812"))
                .contentType(ContentType.JSON).body(ONE_BIKE).post("/proxy/v1/offers")
                .then().statusCode(200).extract().jsonPath().getList("offers.productId", String.class);
        assertThat(offered).doesNotContain("p-helmet");
    }

    static RequestSpecification signed(String shop, long timestamp, Map<String, String> extra) {
        return AppProxy.signed(shop, timestamp, extra);
    }

    static String signature(Map<String, String> query) {
        return AppProxy.signature(query);
    }
}
