package dev.triad.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class EventResourceTest {

    static final Map<String, Object> HELMET_OFFER = Map.of("tier", 1, "kind", "add_on", "productIds", List.of("p-helmet"));

    @Test
    void shouldNotOfferADismissedItemAgainToThatSessionButStillToOthers() {
        BikeShop bikes = BikeShop.register("dismiss.example");
        assertThat(offered(bikes, "session-a")).contains("p-helmet");

        event(bikes, Map.of("type", "dismiss", "sessionId", "session-a", "offers", List.of(HELMET_OFFER)))
                .then().statusCode(202);

        assertThat(offered(bikes, "session-a")).doesNotContain("p-helmet").isNotEmpty();
        assertThat(offered(bikes, "session-b")).contains("p-helmet");
    }

    @Test
    void shouldHideADismissalFromTheSameCustomerOnAnotherDevice() {
        BikeShop bikes = BikeShop.register("dismiss-customer.example");
        event(bikes, Map.of("type", "dismiss", "sessionId", "phone", "customerId", "c-42",
                "offers", List.of(HELMET_OFFER))).then().statusCode(202);

        Map<String, Object> laptop = new java.util.HashMap<>(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")));
        laptop.put("sessionId", "laptop");
        laptop.put("customerId", "c-42");
        assertThat(ids(bikes.offers(laptop))).doesNotContain("p-helmet");
    }

    @Test
    void shouldTakeABeaconWithTheKeyInTheBodyAsPlainText() {
        BikeShop bikes = BikeShop.register("beacon.example");
        String answer = answerId(bikes, "s-1");
        String beacon = Orders.json(Map.of("type", "impression", "key", bikes.publishableKey, "sessionId", "s-1",
                "placement", "checkout", "requestId", answer, "offers", List.of(HELMET_OFFER)));
        given().contentType("text/plain;charset=UTF-8").body(beacon).post("/v1/shops/{shop}/events", bikes.shop)
                .then().statusCode(202);
        event(bikes, Map.of("type", "click", "sessionId", "s-1", "requestId", answer, "offers", List.of(HELMET_OFFER)))
                .then().statusCode(202);

        given().header("Authorization", "Bearer " + bikes.adminKey).get("/admin/v1/shops/{shop}/stats", bikes.shop)
                .then().statusCode(200).body("funnel.impressions", equalTo(1)).body("funnel.clicks", equalTo(1))
                .body("funnel.clickRate", equalTo(1.0f));
    }

    @Test
    void shouldCountEachAnswersImpressionOnceAndEachOfItsOffersClicksOnceHoweverOftenTheyAreSent() {
        BikeShop bikes = BikeShop.register("counted-once.example");
        String answer = answerId(bikes, "s-1");
        Map<String, Object> bundle = Map.of("tier", 2, "kind", "bundle", "productIds", List.of("p-lock"));
        for (int i = 0; i < 5; i++) {
            event(bikes, Map.of("type", "impression", "requestId", answer, "offers", List.of(HELMET_OFFER, bundle)))
                    .then().statusCode(202);
            event(bikes, Map.of("type", "click", "requestId", answer, "offers", List.of(HELMET_OFFER))).then().statusCode(202);
        }
        event(bikes, Map.of("type", "click", "requestId", answer, "offers", List.of(bundle))).then().statusCode(202);

        stats(bikes).body("funnel.impressions", equalTo(1)).body("funnel.clicks", equalTo(2));
    }

    @Test
    void shouldNotCountEventsForAnswersTriadNeverGaveThisShopButStillHideWhatTheyDismiss() {
        BikeShop bikes = BikeShop.register("uncounted.example");
        BikeShop other = BikeShop.register("uncounted-other.example");
        String mine = answerId(bikes, "s-1");
        String forged = mine.substring(0, 20) + "0123456789abcdef";
        for (Object requestId : new Object[] { "", "feedfacefeedfacefeedfacefeedface", forged, answerId(other, "s-1") }) {
            event(bikes, Map.of("type", "impression", "requestId", requestId, "offers", List.of(HELMET_OFFER)))
                    .then().statusCode(202);
        }
        event(bikes, Map.of("type", "click", "offers", List.of(HELMET_OFFER))).then().statusCode(202);
        event(bikes, Map.of("type", "dismiss", "sessionId", "s-1", "offers", List.of(HELMET_OFFER))).then().statusCode(202);

        stats(bikes).body("funnel.impressions", equalTo(0)).body("funnel.clicks", equalTo(0))
                .body("funnel.dismissals", equalTo(0));
        assertThat(offered(bikes, "s-1")).doesNotContain("p-helmet");
    }

    @Test
    void shouldRefuseABadEventNamingTheFieldAndWriteNothing() {
        BikeShop bikes = BikeShop.register("bad-events.example");
        List<String> before = Redis.keys("triad:{bad-events.example}:*");

        problem(event(bikes, Map.of("type", "purchase", "sessionId", "s")), "type");
        problem(event(bikes, Map.of("type", "dismiss", "offers", List.of(HELMET_OFFER))), "sessionId");
        problem(event(bikes, Map.of("type", "add", "sessionId", "s")), "offers");
        problem(event(bikes, Map.of("type", "click", "sessionId", "s",
                "offers", List.of(Map.of("kind", "add_on", "productIds", List.of("has space"))))), "offers[0].productIds[0]");
        problem(event(bikes, Map.of("type", "click", "sessionId", "s",
                "offers", List.of(Map.of("kind", "megadeal", "productIds", List.of("p")))) ), "offers[0].kind");
        given().header("X-Triad-Key", "pk_wrong").contentType(ContentType.JSON)
                .body(Map.of("type", "impression")).post("/v1/shops/{shop}/events", bikes.shop)
                .then().statusCode(401);

        assertThat(Redis.keys("triad:{bad-events.example}:*")).containsExactlyInAnyOrderElementsOf(before);
    }

    static void problem(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }

    /** The request id of an offer answer to {@code session}, as the widget reads it. */
    static String answerId(BikeShop bikes, String session) {
        Map<String, Object> cart = new java.util.HashMap<>(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")));
        cart.put("sessionId", session);
        return bikes.offers(cart).then().statusCode(200).extract().jsonPath().getString("requestId");
    }

    static io.restassured.response.ValidatableResponse stats(BikeShop bikes) {
        return given().header("Authorization", "Bearer " + bikes.adminKey).get("/admin/v1/shops/{shop}/stats", bikes.shop)
                .then().statusCode(200);
    }

    static Response event(BikeShop bikes, Map<String, Object> body) {
        return given().header("X-Triad-Key", bikes.publishableKey).contentType(ContentType.JSON).body(body)
                .post("/v1/shops/{shop}/events", bikes.shop);
    }

    static List<String> offered(BikeShop bikes, String session) {
        Map<String, Object> cart = new java.util.HashMap<>(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")));
        cart.put("sessionId", session);
        return ids(bikes.offers(cart));
    }

    static List<String> ids(Response offers) {
        io.restassured.path.json.JsonPath json = offers.then().statusCode(200).extract().jsonPath();
        List<String> ids = new java.util.ArrayList<>(json.getList("offers.productId", String.class));
        ids.addAll(json.getList("offers.items.flatten().productId", String.class));
        ids.removeIf(java.util.Objects::isNull);
        return ids;
    }
}
