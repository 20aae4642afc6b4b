package dev.triad.email;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.triad.support.Admin;
import dev.triad.support.KlaviyoMock;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A new order of a shop with Klaviyo connected becomes one "Triad Offers Ready" event, sent to Klaviyo's Create
 * Event API ({@link KlaviyoMock}, scripted with its documented shapes) off the webhook's thread, retried on 429
 * and 5xx, given up on other refusals, never sent twice for one order. The order is WooCommerce's REST v3 order
 * as its order.created webhook delivers it (../shared/data/fixtures/woocommerce/order.json: order 727,
 * billing e-mail john.doe@example.com, product 93 and variation 23 of product 22).
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(KlaviyoMock.class)
class KlaviyoEventsTest {

    static final String SECRET = "woo-webhook-secret-klaviyo";
    static final String KEY = "pk_abcdefghijklmnopqrstuvwxyz0123";
    static final String ORDER = Stores.fixture("woocommerce/order.json");

    @Test
    void aNewOrderSendsOneEventWithItsOffersAndTheirLinksOnTheBuyersProfile() throws Exception {
        String shop = shop("klaviyo-one.example");
        accept(shop);
        Stores.woo(shop, "order.created", ORDER, SECRET).then().statusCode(200);

        List<LoggedRequest> sent = eventually(shop, 1);
        LoggedRequest request = sent.get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Klaviyo-API-Key " + KEY);
        assertThat(request.getHeader("revision")).isEqualTo("2026-10-15");
        assertThat(request.getHeader("Content-Type")).startsWith("application/vnd.api+json");
        JsonNode event = new ObjectMapper().readTree(request.getBodyAsString()).path("data");
        assertThat(event.path("type").asText()).isEqualTo("event");
        JsonNode attributes = event.path("attributes");
        assertThat(attributes.at("/metric/data/attributes/name").asText()).isEqualTo("Triad Offers Ready");
        assertThat(attributes.at("/profile/data/attributes/email").asText()).isEqualTo("john.doe@example.com");
        assertThat(attributes.path("unique_id").asText()).isEqualTo("triad-offers-" + shop + "-727");
        assertThat(attributes.at("/properties/OrderId").asText()).isEqualTo("727");
        JsonNode offers = attributes.at("/properties/Offers");
        assertThat(offers.findValuesAsText("kind")).contains("add_on", "bundle").doesNotContain("upgrade");
        JsonNode bundle = offers.get(offers.findValuesAsText("kind").indexOf("bundle"));
        assertThat(bundle.path("title").asText()).isEqualTo("Helmet + Lock");
        assertThat(bundle.path("url").asText()).startsWith("https://" + shop + "/?triad-take=501%2C502&triad-token=");
        JsonNode addOn = offers.get(offers.findValuesAsText("kind").indexOf("add_on"));
        assertThat(addOn.path("url").asText()).isEqualTo("https://" + shop + "/?triad-take=501");
        assertThat(addOn.path("extra").asText()).isEqualTo("49.00");
    }

    @Test
    void theSameOrderDeliveredAgainSendsNothingMore() throws Exception {
        String shop = shop("klaviyo-twice.example");
        accept(shop);
        Stores.woo(shop, "order.created", ORDER, SECRET).then().statusCode(200);
        Stores.woo(shop, "order.created", ORDER, SECRET).then().statusCode(200);
        eventually(shop, 1);
        Thread.sleep(500);
        assertThat(requests(shop)).hasSize(1);
    }

    @Test
    void aThrottledEventIsSentAgainAfterItsRetryAfterAndTakenOnce() throws Exception {
        String shop = shop("klaviyo-throttled.example");
        String scenario = "throttled " + shop;
        KlaviyoMock.server().stubFor(event(shop).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(throttled()).willSetStateTo("once"));
        KlaviyoMock.server().stubFor(event(shop).inScenario(scenario).whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("twice"));
        KlaviyoMock.server().stubFor(event(shop).inScenario(scenario).whenScenarioStateIs("twice")
                .willReturn(aResponse().withStatus(202)).willSetStateTo("taken"));
        Stores.woo(shop, "order.created", ORDER, SECRET).then().statusCode(200);
        List<LoggedRequest> sent = eventually(shop, 3);
        assertThat(sent).extracting(LoggedRequest::getBodyAsString).containsOnly(sent.get(0).getBodyAsString());
        Thread.sleep(500);
        assertThat(requests(shop)).hasSize(3);
    }

    @Test
    void aKlaviyoThatKeepsFailingIsTriedAFewTimesAndNeverHoldsTheWebhook() throws Exception {
        String shop = shop("klaviyo-down.example");
        KlaviyoMock.server().stubFor(event(shop).willReturn(aResponse().withStatus(500).withFixedDelay(300)));
        long start = System.nanoTime();
        Stores.woo(shop, "order.created", ORDER, SECRET).then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
        eventually(shop, KlaviyoMock.ATTEMPTS);
        Thread.sleep(1500);
        assertThat(requests(shop)).hasSize(KlaviyoMock.ATTEMPTS);
    }

    @Test
    void aRevokedKeyIsNotTriedAgain() throws Exception {
        String shop = shop("klaviyo-revoked.example");
        KlaviyoMock.server().stubFor(event(shop).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"errors\":[{\"id\":\"e1\",\"status\":401,\"code\":\"not_authenticated\","
                        + "\"title\":\"Authentication credentials were not provided.\","
                        + "\"detail\":\"Missing or invalid private key.\",\"source\":{\"pointer\":\"/data/\"}}]}")));
        Stores.woo(shop, "order.created", ORDER, SECRET).then().statusCode(200);
        eventually(shop, 1);
        Thread.sleep(600);
        assertThat(requests(shop)).hasSize(1);
    }

    @Test
    void aShopWithoutKlaviyoOrAnOrderWithoutAnAddressSendsNothing() throws Exception {
        Admin plain = Stores.register("klaviyo-none.example", "woocommerce", Map.of("webhookSecret", SECRET));
        products(plain.shop());
        accept(plain.shop());
        Stores.woo(plain.shop(), "order.created", ORDER, SECRET).then().statusCode(200);
        String shop = shop("klaviyo-anonymous.example");
        accept(shop);
        Stores.woo(shop, "order.created", ORDER.replace("john.doe@example.com", ""), SECRET).then().statusCode(200);
        Thread.sleep(800);
        assertThat(requests(plain.shop())).isEmpty();
        assertThat(requests(shop)).isEmpty();
    }

    @Test
    void theKeyIsCheckedKeptSealedAndShownOnlyByItsEnd() {
        String shop = shop("klaviyo-key.example");
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("privateKey", "not-a-key")).put("/admin/v1/shops/{shop}/klaviyo", shop)
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("privateKey"));
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).get("/admin/v1/shops/{shop}/klaviyo", shop)
                .then().statusCode(200).body("connected", org.hamcrest.Matchers.equalTo(true))
                .body("keyEnding", org.hamcrest.Matchers.equalTo("0123"));
        assertThat(new String(dev.triad.support.Redis.bytes("triad:{" + shop + "}:klaviyo-key"), java.nio.charset.StandardCharsets.UTF_8)).startsWith("v1:").doesNotContain(KEY);
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).delete("/admin/v1/shops/{shop}/klaviyo", shop)
                .then().statusCode(204);
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).get("/admin/v1/shops/{shop}/klaviyo", shop)
                .then().statusCode(200).body("connected", org.hamcrest.Matchers.equalTo(false));
    }

    /** A WooCommerce shop with Klaviyo connected whose product 93 has a helmet and a lock pinned as cross-sells. */
    private static String shop(String shop) {
        Stores.register(shop, "woocommerce", Map.of("webhookSecret", SECRET, "allowedOrigins", List.of("https://" + shop)));
        products(shop);
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("privateKey", KEY)).put("/admin/v1/shops/{shop}/klaviyo", shop).then().statusCode(204);
        return shop;
    }

    private static void products(String shop) {
        product(shop, "93", "Woo Single #1", "3.00", List.of("501", "502"));
        product(shop, "501", "Helmet", "49.00", List.of());
        product(shop, "502", "Lock", "25.00", List.of());
    }

    private static void product(String shop, String id, String title, String price, List<String> complements) {
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("title", title, "url", "/product/" + id, "complements", complements,
                        "variants", List.of(Map.of("id", id, "price", price, "inStock", true))))
                .put("/admin/v1/shops/{shop}/products/{id}", shop, id).then().statusCode(200);
    }

    private static MappingBuilder event(String shop) {
        return post(urlEqualTo("/api/events"))
                .withRequestBody(matchingJsonPath("$.data.attributes.unique_id", equalTo("triad-offers-" + shop + "-727")));
    }

    private static void accept(String shop) {
        KlaviyoMock.server().stubFor(event(shop).willReturn(aResponse().withStatus(202)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder throttled() {
        return aResponse().withStatus(429).withHeader("Retry-After", "0").withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"errors\":[{\"id\":\"e2\",\"status\":429,\"code\":\"throttled\",\"title\":\"Request was throttled.\","
                        + "\"detail\":\"Request was throttled. Expected available in 0 seconds.\"}]}");
    }

    private static List<LoggedRequest> requests(String shop) {
        RequestPatternBuilder pattern = postRequestedFor(urlEqualTo("/api/events"))
                .withRequestBody(matchingJsonPath("$.data.attributes.unique_id", equalTo("triad-offers-" + shop + "-727")));
        return KlaviyoMock.server().findAll(pattern);
    }

    private static List<LoggedRequest> eventually(String shop, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (requests(shop).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<LoggedRequest> sent = requests(shop);
        assertThat(sent).as("events sent to Klaviyo").hasSizeGreaterThanOrEqualTo(count);
        return sent;
    }
}
