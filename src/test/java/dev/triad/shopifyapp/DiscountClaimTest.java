package dev.triad.shopifyapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.triad.events.Visitors;
import dev.triad.offer.OfferToken;
import dev.triad.offer.OfferTokens;
import dev.triad.support.AppProxy;
import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import dev.triad.support.ShopifyAdminMock;
import dev.triad.support.ShopifyCheckout;
import dev.triad.support.ShopifyCheckout.Line;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The discount a bundle shows is the discount the shopper pays: the offer answer carries a signed token,
 * the widget claims it through the App Proxy, Triad creates a one-order code with the Admin API
 * ({@link ShopifyAdminMock} answers {@code discountCodeBxgyCreate} with the shape of shopify.dev's
 * {@code DiscountCodeBxgyCreatePayload}: {@code codeDiscountNode { id }}, {@code userErrors { field code
 * message }}), and what a checkout charges with that code ({@link ShopifyCheckout}, Shopify's documented
 * semantics of the input Triad sent) is the offer's {@code extra}. Shopify ids are numbers, as the AJAX
 * Cart API gives them.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(ShopifyAdminMock.class)
class DiscountClaimTest {

    static final String SHOP = "claims.myshopify.com";
    static final String GRAPHQL = "/" + SHOP + "/admin/api/2025-10/graphql.json";
    static final List<Line> BIKE_ONLY = List.of(new Line(2001, "799.00", 1));

    @Inject
    OfferTokens tokens;

    @Inject
    Visitors visitors;

    final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void installTheShop() {
        ShopifyInstallTest.script(SHOP, "shpat_claims", "USD");
        ShopifyInstallTest.install(ShopifyInstallTest.sessionToken(SHOP, ShopifyAdminMock.CLIENT_ID,
                RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200);
        settings(Map.of());
        product("1001", "Trail Bike", "2001", "799.00", List.of("1002", "1003", "1004"));
        product("1002", "Helmet", "2002", "49.00", List.of());
        product("1003", "Lock", "2003", "25.00", List.of());
        product("1004", "Light", "2004", "19.00", List.of());
        ShopifyAdminMock.server().removeStubsByMetadata(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                "$.claims", equalTo("yes")));
        ShopifyAdminMock.server().resetRequests();
        ShopifyAdminMock.server().stubFor(post(urlEqualTo(GRAPHQL)).withRequestBody(containing("discountCode"))
                .withMetadata(Map.of("claims", "yes"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"data\":{\"discountCodeBxgyCreate\":{\"codeDiscountNode\":{\"id\":"
                                + "\"gid://shopify/DiscountCodeNode/1057371198\"},\"userErrors\":[]},"
                                + "\"discountCodeBasicCreate\":{\"codeDiscountNode\":{\"id\":"
                                + "\"gid://shopify/DiscountCodeNode/1057371199\"},\"userErrors\":[]}},"
                                + "\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":10}}}")));
    }

    @Test
    void shouldChargeExactlyTheBundlesExtraForTheBundleWithTheCodeItsClaimCreates() throws Exception {
        JsonPath bundle = bundleOffer();
        assertThat(bundle.getString("price")).isEqualTo("74.00");
        assertThat(bundle.getString("extra")).isEqualTo("66.60");

        JsonPath claim = claim(bundle.getString("token")).then().statusCode(200).extract().jsonPath();

        assertThat(claim.getString("code")).matches("TRIAD-[A-Z2-7]{16}");
        assertThat(claim.getList("variantIds")).containsExactly("2002", "2003");
        JsonNode code = createdCode("discountCodeBxgyCreate");
        assertThat(code.path("code").asText()).isEqualTo(claim.getString("code"));
        assertThat(code.path("usageLimit").asInt()).isEqualTo(1);
        assertThat(Instant.parse(code.path("endsAt").asText())).isEqualTo(Instant.parse(bundle.getString("expiresAt")));
        List<Line> withBundle = List.of(BIKE_ONLY.get(0), new Line(2002, "49.00", 1), new Line(2003, "25.00", 1));
        BigDecimal charged = ShopifyCheckout.total(code, withBundle, Instant.now())
                .subtract(ShopifyCheckout.subtotal(BIKE_ONLY));
        assertThat(charged).isEqualByComparingTo(bundle.getString("extra"));
    }

    @Test
    void shouldTakeNothingOffABundleMissingAnItemAndNoMoreForMoreOfEither() throws Exception {
        claim(bundleOffer().getString("token")).then().statusCode(200);
        JsonNode code = createdCode("discountCodeBxgyCreate");

        List<Line> helmetOnly = List.of(BIKE_ONLY.get(0), new Line(2002, "49.00", 1));
        List<Line> lockOnly = List.of(BIKE_ONLY.get(0), new Line(2003, "25.00", 1));
        List<Line> more = List.of(BIKE_ONLY.get(0), new Line(2002, "49.00", 2), new Line(2003, "25.00", 3));
        assertThat(ShopifyCheckout.discount(code, helmetOnly, Instant.now())).isEqualByComparingTo("0");
        assertThat(ShopifyCheckout.discount(code, lockOnly, Instant.now())).isEqualByComparingTo("0");
        assertThat(ShopifyCheckout.discount(code, more, Instant.now())).isEqualByComparingTo("7.40");
        assertThat(ShopifyCheckout.discount(code, List.of(new Line(2004, "19.00", 1), new Line(2001, "799.00", 1)),
                Instant.now())).as("another product").isEqualByComparingTo("0");
    }

    @Test
    void shouldGiveNothingOnceTheOfferHasExpiredAndRefuseToClaimAnExpiredToken() throws Exception {
        JsonPath bundle = bundleOffer();
        claim(bundle.getString("token")).then().statusCode(200);
        JsonNode code = createdCode("discountCodeBxgyCreate");
        List<Line> withBundle = List.of(BIKE_ONLY.get(0), new Line(2002, "49.00", 1), new Line(2003, "25.00", 1));
        assertThat(ShopifyCheckout.discount(code, withBundle, Instant.parse(bundle.getString("expiresAt"))))
                .isEqualByComparingTo("0");

        ShopifyAdminMock.server().resetRequests();
        String expired = tokens.mint(new OfferToken(SHOP, "bundle", Instant.now().getEpochSecond() - 1, "USD",
                new BigDecimal("7.40"), List.of(new OfferToken.Line("1002", "2002", new BigDecimal("49.00")),
                        new OfferToken.Line("1003", "2003", new BigDecimal("25.00")))));
        claim(expired).then().statusCode(410).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("offer-expired"))
                .body("field", org.hamcrest.Matchers.equalTo("token"));
        ShopifyAdminMock.server().verify(0, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void shouldRefuseATamperedMadeUpOrAnotherShopsTokenAndCreateNothing() throws Exception {
        String token = bundleOffer().getString("token");
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        String bigger = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace(" 7.40 ", " 74.00 ").getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
        String otherShops = tokens.mint(new OfferToken("other.myshopify.com", "bundle",
                Instant.now().getEpochSecond() + 600, "USD", new BigDecimal("7.40"),
                List.of(new OfferToken.Line("1002", "2002", new BigDecimal("49.00")),
                        new OfferToken.Line("1003", "2003", new BigDecimal("25.00")))));

        for (String forged : List.of(bigger, otherShops, "TRIAD-SAVE10", token + "x", "a.b")) {
            claim(forged).then().statusCode(403).contentType("application/problem+json")
                    .body("field", org.hamcrest.Matchers.equalTo("token"));
        }
        claim("").then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("token"));
        ShopifyAdminMock.server().verify(0, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void shouldHandTheSameCodeToAnOfferClaimedTwice() throws Exception {
        String token = bundleOffer().getString("token");
        String first = claim(token).then().statusCode(200).extract().path("code");
        // Shopify refuses a second code of the same name (DiscountErrorCode TAKEN): the first one stands.
        ShopifyAdminMock.server().stubFor(post(urlEqualTo(GRAPHQL)).withRequestBody(containing("discountCodeBxgyCreate"))
                .withMetadata(Map.of("claims", "yes")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"data\":{\"discountCodeBxgyCreate\":{\"codeDiscountNode\":null,\"userErrors\":[{\"field\":"
                                + "[\"bxgyCodeDiscount\",\"code\"],\"code\":\"TAKEN\",\"message\":"
                                + "\"Code must be unique. Please try a different code.\"}]}}}")));

        claim(token).then().statusCode(200).body("code", org.hamcrest.Matchers.equalTo(first));
    }

    @Test
    void shouldRefuseToClaimForAShopWithoutTheApp() {
        BikeShop bikes = BikeShop.register("claims-no-app.example");
        String token = bikes.offersForOneBike().then().statusCode(200).extract().jsonPath()
                .getString("offers.find { it.kind == 'bundle' }.token");
        AppProxy.signed(bikes.shop, Instant.now().getEpochSecond(), null).contentType(ContentType.JSON)
                .body(Map.of("token", token)).post("/proxy/v1/claims").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldGiveNoLimitedTimeDiscountUnlessTheMerchantTurnsItOn() {
        JsonPath addOn = offer("add_on", "s-plain");
        assertThat(addOn.getString("extra")).isEqualTo("49.00");
        assertThat(addOn.getMap("")).doesNotContainKeys("discountPercent", "token", "countdown");
    }

    @Test
    void shouldRunOneLimitedTimeCountdownPerVisitorThatAReloadDoesNotRestart() throws Exception {
        settings(Map.of("limitedTimeMinutes", 15, "limitedTimePercent", 10));

        JsonPath first = offer("add_on", "s-countdown");
        assertThat(first.getString("productId")).isEqualTo("1002");
        assertThat(first.getInt("discountPercent")).isEqualTo(10);
        assertThat(first.getString("price")).isEqualTo("49.00");
        assertThat(first.getString("extra")).isEqualTo("44.10");
        assertThat(first.getLong("countdown")).isBetween(898L, 900L);
        Thread.sleep(1100);
        JsonPath reloaded = offer("add_on", "s-countdown");

        assertThat(reloaded.getString("expiresAt")).as("the same end after a reload").isEqualTo(first.getString("expiresAt"));
        assertThat(reloaded.getLong("countdown")).isLessThan(first.getLong("countdown"));
        assertThat(offer("bundle", "s-countdown").getMap("")).doesNotContainKey("countdown");
        assertThat(Instant.parse(offer("add_on", "s-someone-else").getString("expiresAt")))
                .isAfterOrEqualTo(Instant.parse(first.getString("expiresAt")));
    }

    @Test
    void shouldChargeExactlyTheLimitedTimeExtraUntilTheCountdownEndsAndTheUsualPriceAfter() throws Exception {
        settings(Map.of("limitedTimeMinutes", 15, "limitedTimePercent", 10));
        JsonPath addOn = offer("add_on", "s-limited");
        String code = claim(addOn.getString("token")).then().statusCode(200).extract().path("code");

        JsonNode created = createdCode("discountCodeBasicCreate");
        assertThat(created.path("code").asText()).isEqualTo(code);
        assertThat(Instant.parse(created.path("endsAt").asText())).isEqualTo(Instant.parse(addOn.getString("expiresAt")));
        List<Line> withHelmet = List.of(BIKE_ONLY.get(0), new Line(2002, "49.00", 1));
        assertThat(ShopifyCheckout.total(created, withHelmet, Instant.now()).subtract(ShopifyCheckout.subtotal(BIKE_ONLY)))
                .isEqualByComparingTo(addOn.getString("extra"));
        List<Line> twoHelmets = List.of(BIKE_ONLY.get(0), new Line(2002, "49.00", 2));
        assertThat(ShopifyCheckout.discount(created, twoHelmets, Instant.now())).as("the offer was for one")
                .isEqualByComparingTo("4.90");
        assertThat(ShopifyCheckout.discount(created, withHelmet, Instant.parse(addOn.getString("expiresAt"))))
                .isEqualByComparingTo("0");

        // The countdown has run out (its stored end, moved to the past): the usual price, no token, no new countdown.
        Redis.command("SET", "triad:{" + SHOP + "}:countdown:" + visitors.session(SHOP, "s-limited"),
                String.valueOf(Instant.now().getEpochSecond() - 1));
        JsonPath after = offer("add_on", "s-limited");
        assertThat(after.getString("extra")).isEqualTo("49.00");
        assertThat(after.getMap("")).doesNotContainKeys("discountPercent", "token", "countdown");
    }

    @Test
    void shouldRefuseALimitedTimeSettingOutOfRangeNamingTheField() {
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("platform", "shopify", "currency", "USD", "settings", Map.of("limitedTimeMinutes", 600)))
                .put("/admin/v1/shops/{shop}", SHOP).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("settings.limitedTimeMinutes"));
    }

    /**
     * The offer of {@code kind} for one bike, asked through the App Proxy in session {@code session}: the
     * bundle, or the add-on of the helmet (the best complement; the light comes as a third choice).
     */
    private JsonPath offer(String kind, String session) {
        Map<String, Object> request = new java.util.HashMap<>(BikeShop.cart(BikeShop.line("1001", "2001", 1, "799.00")));
        request.put("sessionId", session);
        JsonPath answer = AppProxy.signed(SHOP, Instant.now().getEpochSecond(), null).contentType(ContentType.JSON)
                .body(Orders.json(request)).post("/proxy/v1/offers").then().statusCode(200).extract().jsonPath();
        Map<String, Object> offer = answer.getMap("offers.find { it.kind == '" + kind + "'"
                + ("add_on".equals(kind) ? " && it.productId == '1002' }" : " }"));
        assertThat(offer).as("an offer of kind " + kind).isNotNull();
        return new JsonPath(Orders.json(offer));
    }

    private static void settings(Map<String, Object> settings) {
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("platform", "shopify", "currency", "USD", "settings", settings))
                .put("/admin/v1/shops/{shop}", SHOP).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private JsonPath bundleOffer() {
        JsonPath answer = AppProxy.signed(SHOP, Instant.now().getEpochSecond(), null).contentType(ContentType.JSON)
                .body(Orders.json(BikeShop.cart(BikeShop.line("1001", "2001", 1, "799.00")))).post("/proxy/v1/offers")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> bundle = answer.getMap("offers.find { it.kind == 'bundle' }");
        assertThat(bundle).as("a bundle offer").isNotNull();
        return new JsonPath(Orders.json(bundle));
    }

    private static Response claim(String token) {
        return AppProxy.signed(SHOP, Instant.now().getEpochSecond(), null).contentType(ContentType.JSON)
                .body(Map.of("token", token)).post("/proxy/v1/claims");
    }

    /** The discount input of the one {@code mutation} Triad sent. */
    private JsonNode createdCode(String mutation) throws Exception {
        List<LoggedRequest> sent = ShopifyAdminMock.server().findAll(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(containing(mutation)));
        assertThat(sent).hasSize(1);
        JsonNode body = mapper.readTree(sent.get(0).getBodyAsString());
        assertThat(body.path("query").asText()).contains(mutation + "(");
        return body.path("variables").path("discount");
    }

    private static void product(String id, String title, String variant, String price, List<String> complements) {
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("title", title, "variants", List.of(Map.of("id", variant, "price", price, "inStock", true)),
                        "complements", complements))
                .put("/admin/v1/shops/{shop}/products/{id}", SHOP, id).then().statusCode(200);
    }
}
