package dev.triad.shopifyapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.triad.support.Orders;
import dev.triad.support.RedisTestResource;
import dev.triad.support.ShopifyAdminMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Install → sync → offers, without Shopify and without one admin call. The Admin API is scripted with
 * the shapes of shopify.dev's "Perform bulk operations with the GraphQL Admin API": {@code bulkOperationRunQuery}
 * answers {@code {bulkOperation {id status}, userErrors}}, {@code currentBulkOperation} answers
 * {@code {id status errorCode objectCount url}}, and the file at {@code url} is JSONL whose nested objects
 * name their parent in {@code __parentId} ({@code gid://shopify/...} ids); a throttled answer carries
 * {@code errors[].extensions.code: THROTTLED} and {@code extensions.cost.throttleStatus} ("Shopify API rate limits").
 * A variant's options are {@code selectedOptions: [{name, value}]} (GraphQL Admin API, {@code ProductVariant}
 * and {@code SelectedOption}); a product without options has the one option {@code Title: Default Title}.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(ShopifyAdminMock.class)
class ShopifySyncTest {

    static final String PRODUCTS = """
            {"id":"gid://shopify/Product/7801","title":"Trail Bike","handle":"trail-bike","productType":"Bikes","status":"ACTIVE","onlineStoreUrl":null,"featuredMedia":null}
            {"id":"gid://shopify/ProductVariant/78011","title":"M / Sand","price":"800.00","compareAtPrice":null,"sku":"TB-M","inventoryPolicy":"DENY","inventoryQuantity":3,"inventoryItem":{"tracked":true},"selectedOptions":[{"name":"Frame size","value":"M"},{"name":"Color","value":"Sand"}],"__parentId":"gid://shopify/Product/7801"}
            {"id":"gid://shopify/ProductVariant/78012","title":"L / Sand","price":"850.00","compareAtPrice":null,"sku":"TB-L","inventoryPolicy":"DENY","inventoryQuantity":2,"inventoryItem":{"tracked":true},"selectedOptions":[{"name":"Frame size","value":"L"},{"name":"Color","value":"Sand"}],"__parentId":"gid://shopify/Product/7801"}
            {"id":"gid://shopify/Product/7802","title":"Helmet","handle":"helmet","productType":"Gear","status":"ACTIVE","onlineStoreUrl":null,"featuredMedia":{"preview":{"image":{"url":"https://cdn.shopify.com/helmet.jpg"}}}}
            {"id":"gid://shopify/ProductVariant/78021","title":"Default Title","price":"49.00","compareAtPrice":null,"sku":"HL-1","inventoryPolicy":"DENY","inventoryQuantity":0,"inventoryItem":{"tracked":false},"selectedOptions":[{"name":"Title","value":"Default Title"}],"__parentId":"gid://shopify/Product/7802"}
            {not json
            {"id":"gid://shopify/Product/7804","title":"Draft Bell","handle":"bell","productType":"Gear","status":"DRAFT","onlineStoreUrl":null,"featuredMedia":null}
            {"id":"gid://shopify/ProductVariant/78041","title":"Default Title","price":"9.00","compareAtPrice":null,"sku":"BL-1","inventoryPolicy":"DENY","inventoryQuantity":5,"inventoryItem":{"tracked":true},"__parentId":"gid://shopify/Product/7804"}
            """;

    @Test
    void shouldInstallSyncAndOfferFromTheSyncedOrdersWithoutAnyAdminCall() throws Exception {
        String shop = "sync-story.myshopify.com";
        ShopifyInstallTest.script(shop, "shpat_sync", "USD");
        scriptBulk(shop, "shpat_sync", PRODUCTS, orders());

        JsonPath installed = ShopifyInstallTest.install(ShopifyInstallTest.sessionToken(shop, ShopifyAdminMock.CLIENT_ID,
                RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200).extract().jsonPath();
        Map<String, String> status = awaitSync(shop);

        assertThat(status).containsEntry("phase", "done").containsEntry("products", "3").containsEntry("orders", "5");
        assertThat(status.get("skippedLines")).as("the line that does not parse, by number").startsWith("line 6:");
        JsonPath offers = given().header("X-Triad-Key", installed.getString("publishableKey")).contentType("application/json")
                .body(Orders.json(Map.of("placement", "cart", "currency", "USD",
                        "cart", List.of(Map.of("productId", "7801", "variantId", "78011", "quantity", 1, "price", "800.00")))))
                .post("/v1/shops/{shop}/offers", shop).then().statusCode(200).extract().jsonPath();
        assertThat(offers.getList("offers.productId", String.class)).contains("7802").doesNotContain("7804");
        assertThat(offers.getString("offers[0].reason")).isEqualTo("bought_together");
        assertThat(offers.getList("offers.variantId", String.class)).as("a bigger frame is no upgrade").doesNotContain("78012");
        ShopifyAdminMock.server().verify(postRequestedFor(urlEqualTo("/" + shop + "/admin/api/2025-10/graphql.json"))
                .withRequestBody(containing("bulkOperationRunQuery")).withRequestBody(containing("selectedOptions { name value }")));
        JsonPath bike = given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .get("/admin/v1/shops/{shop}/products/7801", shop).then().statusCode(200).extract().jsonPath();
        assertThat(bike.getMap("product.variants[1].options"))
                .containsExactly(Map.entry("Frame size", "L"), Map.entry("Color", "Sand"));
        assertThat(given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .get("/admin/v1/shops/{shop}/products/7802", shop).then().extract().jsonPath()
                .getMap("product.variants[0]")).doesNotContainKey("options");
    }

    @Test
    void shouldShowTheEmbeddedPageItsShopsStatisticsForItsSessionTokenOnly() throws Exception {
        String shop = "sync-stats.myshopify.com";
        String token = installedAndSynced(shop, "shpat_stats");

        given().header("Authorization", "Bearer " + token).get("/shopify/v1/stats").then().statusCode(200)
                .body("shop", org.hamcrest.Matchers.equalTo(shop)).body("orders.total", org.hamcrest.Matchers.equalTo(0));
        given().header("Authorization", "Bearer " + ShopifyInstallTest.sessionToken(shop, ShopifyAdminMock.CLIENT_ID,
                "not-the-secret", 0)).get("/shopify/v1/stats").then().statusCode(401);
    }

    @Test
    void shouldStartASyncABrokenOffProcessLeftOverWhenTheStoreOpensTheAppAgain() throws Exception {
        String shop = "sync-resume.myshopify.com";
        String token = installedAndSynced(shop, "shpat_resume");
        // As a process killed in the middle of the orders leaves it; Shopify's side is ready for a new run.
        dev.triad.support.Redis.command("HSET", "triad:{" + shop + "}:shopify-sync", "phase", "orders");
        ShopifyAdminMock.server().setScenarioState(shop, "throttled-once");

        ShopifyInstallTest.install(token).then().statusCode(200).body("newlyInstalled", org.hamcrest.Matchers.equalTo(false));

        Map<String, String> status = awaitSync(shop);
        assertThat(status).containsEntry("phase", "done").containsEntry("orders", "5");
        assertThat(dev.triad.support.Redis.command("HLEN", "triad:{" + shop + "}:orders")).isEqualTo(":3");
    }

    /**
     * Shapes of the GraphQL Admin API's {@code orders} and {@code products} connections (shopify.dev:
     * {@code edges { node }}, {@code pageInfo { hasNextPage endCursor }}, the {@code query} filter and
     * {@code after} cursor).
     */
    @Test
    void shouldHealAnOrderAndAProductChangeNoWebhookBroughtAtTheNextReconciliationCountingNothingTwice() throws Exception {
        String shop = "sync-reconcile.myshopify.com";
        installedAndSynced(shop, "shpat_reconcile");
        WireMockServer server = ShopifyAdminMock.server();
        String graphql = "/" + shop + "/admin/api/2025-10/graphql.json";
        server.stubFor(post(urlEqualTo(graphql)).withRequestBody(containing("products(first: 100"))
                .willReturn(json("{\"data\":{\"products\":{\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":\"p1\"},"
                        + "\"edges\":[{\"node\":{\"id\":\"gid://shopify/Product/7802\",\"title\":\"Helmet\",\"handle\":\"helmet\","
                        + "\"productType\":\"Gear\",\"status\":\"ACTIVE\",\"updatedAt\":\"" + java.time.Instant.now() + "\","
                        + "\"featuredMedia\":null,\"variants\":{\"edges\":[{\"node\":{\"id\":\"gid://shopify/ProductVariant/78021\","
                        + "\"title\":\"Default Title\",\"price\":\"45.00\",\"compareAtPrice\":\"49.00\",\"sku\":\"HL-1\","
                        + "\"inventoryPolicy\":\"DENY\",\"inventoryQuantity\":0,\"inventoryItem\":{\"tracked\":false}}}]}}}]}}}")));
        server.stubFor(post(urlEqualTo(graphql)).withRequestBody(containing("orders(first: 100"))
                .willReturn(json(ordersPage("9001", true, "cursor-1"))));
        server.stubFor(post(urlEqualTo(graphql)).withRequestBody(containing("orders(first: 100"))
                .withRequestBody(containing("cursor-1")).willReturn(json(ordersPage("9100", false, "cursor-2"))));

        JsonPath first = reconcile(shop);
        JsonPath again = reconcile(shop);

        assertThat(first.getLong("ordersTaken")).isEqualTo(1);
        assertThat(first.getLong("ordersAlreadyHeld")).isEqualTo(1);
        assertThat(first.getInt("productsUpdated")).isEqualTo(1);
        assertThat(again.getLong("ordersTaken")).isZero();
        assertThat(dev.triad.support.Redis.command("HLEN", "triad:{" + shop + "}:orders")).isEqualTo(":4");
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .get("/admin/v1/shops/{shop}/products/{id}", shop, "7802").then()
                .body("product.variants[0].price", org.hamcrest.Matchers.equalTo("45.00"));

        // What the deployment's schedule calls: every installed shop at once, with the operator key only.
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).post("/admin/v1/shopify/reconcile")
                .then().statusCode(200).body("'" + shop + "'.ordersTaken", org.hamcrest.Matchers.equalTo(0));
        given().post("/admin/v1/shopify/reconcile").then().statusCode(401);
    }

    /** Installs {@code shop} with the scripted Admin API and waits for its first sync; answers its session token. */
    static String installedAndSynced(String shop, String accessToken) throws InterruptedException {
        ShopifyInstallTest.script(shop, accessToken, "USD");
        scriptBulk(shop, accessToken, PRODUCTS, orders());
        String token = ShopifyInstallTest.sessionToken(shop, ShopifyAdminMock.CLIENT_ID, RedisTestResource.SHOPIFY_SECRET, 0);
        ShopifyInstallTest.install(token).then().statusCode(200);
        awaitSync(shop);
        return token;
    }

    static JsonPath reconcile(String shop) {
        return given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .post("/admin/v1/shops/{shop}/reconcile", shop).then().statusCode(200).extract().jsonPath();
    }

    /** One order (bike and helmet) as an {@code orders} connection page. */
    static String ordersPage(String order, boolean more, String cursor) {
        String line = "{\"node\":{\"quantity\":1,\"sku\":null,\"title\":\"%s\",\"product\":{\"id\":\"gid://shopify/Product/%s\"},"
                + "\"variant\":{\"id\":\"gid://shopify/ProductVariant/%s\"},\"originalUnitPriceSet\":{\"shopMoney\":{\"amount\":\"%s\"}}}}";
        return "{\"data\":{\"orders\":{\"pageInfo\":{\"hasNextPage\":" + more + ",\"endCursor\":\"" + cursor + "\"},"
                + "\"edges\":[{\"node\":{\"id\":\"gid://shopify/Order/" + order + "\",\"cancelledAt\":null,"
                + "\"displayFinancialStatus\":\"PAID\",\"customer\":null,\"lineItems\":{\"edges\":["
                + line.formatted("Trail Bike", "7801", "78011", "800.0") + "," + line.formatted("Helmet", "7802", "78021", "49.0")
                + "]}}}]}}}";
    }

    @Test
    void shouldShowASyncShopifyFailedWithShopifysErrorCode() throws Exception {
        String shop = "sync-failed.myshopify.com";
        ShopifyInstallTest.script(shop, "shpat_failed", "USD");
        scriptBulk(shop, "shpat_failed", PRODUCTS, orders());
        ShopifyAdminMock.server().stubFor(post(urlEqualTo("/" + shop + "/admin/api/2025-10/graphql.json")).inScenario(shop)
                .whenScenarioStateIs("products").withRequestBody(containing("currentBulkOperation"))
                .willReturn(json("{\"data\":{\"currentBulkOperation\":{\"id\":\"gid://shopify/BulkOperation/1\","
                        + "\"status\":\"FAILED\",\"errorCode\":\"ACCESS_DENIED\",\"objectCount\":\"0\",\"url\":null}}}")));

        ShopifyInstallTest.install(ShopifyInstallTest.sessionToken(shop, ShopifyAdminMock.CLIENT_ID,
                RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200);

        Map<String, String> status = awaitSync(shop);
        assertThat(status).containsEntry("phase", "failed");
        assertThat(status.get("error")).contains("ACCESS_DENIED");
    }

    @Test
    void shouldForgetATokenShopifyNoLongerAcceptsSoTheNextOpeningTakesANewOne() throws Exception {
        String shop = "sync-expired.myshopify.com";
        ShopifyInstallTest.script(shop, "shpat_expired", "USD");
        // Shopify's answer to a revoked or expired token: 401 with {"errors": "[API] Invalid API key or access token ..."}.
        ShopifyAdminMock.server().stubFor(post(urlEqualTo("/" + shop + "/admin/api/2025-10/graphql.json"))
                .withRequestBody(containing("bulkOperationRunQuery")).willReturn(aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));

        ShopifyInstallTest.install(ShopifyInstallTest.sessionToken(shop, ShopifyAdminMock.CLIENT_ID,
                RedisTestResource.SHOPIFY_SECRET, 0)).then().statusCode(200);

        assertThat(awaitSync(shop)).containsEntry("phase", "failed");
        assertThat(dev.triad.support.Redis.keys("triad:{" + shop + "}:shopify-token")).isEmpty();
    }

    @Test
    void shouldTakeShopifysBulkOperationFinishedDelivery() {
        String shop = "sync-finish.myshopify.com";
        dev.triad.support.Admin.register(shop);
        // shopify.dev webhook reference, bulk_operations/finish sample.
        dev.triad.support.Stores.shopify(shop, "bulk_operations/finish", null, "{\"admin_graphql_api_id\":"
                + "\"gid://shopify/BulkOperation/147595010\",\"completed_at\":\"2024-01-01T07:56:02-05:00\","
                + "\"created_at\":\"2024-01-01T07:56:02-05:00\",\"error_code\":null,\"status\":\"completed\","
                + "\"type\":\"query\"}").then().statusCode(200).body("result", org.hamcrest.Matchers.equalTo("processed"));
    }

    /** Three paid orders of bike and helmet, one refunded and one cancelled (ignored), one custom line. */
    static String orders() {
        StringBuilder jsonl = new StringBuilder();
        String[][] orders = { { "9001", "PAID", null }, { "9002", "PAID", null }, { "9003", "PARTIALLY_PAID", null },
                { "9004", "REFUNDED", null }, { "9005", "PAID", "2026-11-20T10:00:00Z" } };
        for (String[] o : orders) {
            jsonl.append("{\"id\":\"gid://shopify/Order/").append(o[0]).append("\",\"cancelledAt\":")
                    .append(o[2] == null ? "null" : "\"" + o[2] + "\"").append(",\"displayFinancialStatus\":\"").append(o[1])
                    .append("\",\"customer\":{\"id\":\"gid://shopify/Customer/7\"}}\n");
            jsonl.append(line(o[0], "7801", "78011", "Trail Bike", "800.0"));
            jsonl.append(line(o[0], "7802", "78021", "Helmet", "49.0"));
            jsonl.append("{\"quantity\":1,\"sku\":null,\"title\":\"Gift wrap\",\"product\":null,\"variant\":null,"
                    + "\"originalUnitPriceSet\":{\"shopMoney\":{\"amount\":\"5.0\"}},\"__parentId\":\"gid://shopify/Order/")
                    .append(o[0]).append("\"}\n");
        }
        return jsonl.toString();
    }

    static String line(String order, String product, String variant, String title, String price) {
        return "{\"quantity\":1,\"sku\":null,\"title\":\"" + title + "\",\"product\":{\"id\":\"gid://shopify/Product/" + product
                + "\"},\"variant\":{\"id\":\"gid://shopify/ProductVariant/" + variant + "\"},\"originalUnitPriceSet\":"
                + "{\"shopMoney\":{\"amount\":\"" + price + "\"}},\"__parentId\":\"gid://shopify/Order/" + order + "\"}\n";
    }

    /**
     * Bulk operations for {@code shop}: products (a 503 first, then a throttled answer, then started), then
     * orders, each polled to COMPLETED.
     */
    static void scriptBulk(String shop, String token, String productsJsonl, String ordersJsonl) {
        WireMockServer server = ShopifyAdminMock.server();
        String graphql = "/" + shop + "/admin/api/2025-10/graphql.json";
        String files = "http://127.0.0.1:" + server.port() + "/files/" + shop;
        server.stubFor(post(urlEqualTo(graphql)).inScenario(shop).whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("bulkOperationRunQuery")).withRequestBody(containing("products {"))
                .willSetStateTo("failed-once").willReturn(aResponse().withStatus(503)));
        server.stubFor(post(urlEqualTo(graphql)).inScenario(shop).whenScenarioStateIs("failed-once")
                .withRequestBody(containing("bulkOperationRunQuery")).withRequestBody(containing("products {"))
                .willSetStateTo("throttled-once").willReturn(json("{\"errors\":[{\"message\":\"Throttled\","
                        + "\"extensions\":{\"code\":\"THROTTLED\",\"documentation\":\"https://shopify.dev/api/usage/rate-limits\"}}],"
                        + "\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":null,\"throttleStatus\":"
                        + "{\"maximumAvailable\":2000.0,\"currentlyAvailable\":0,\"restoreRate\":100.0}}}}")));
        server.stubFor(post(urlEqualTo(graphql)).inScenario(shop).whenScenarioStateIs("throttled-once")
                .withRequestBody(containing("bulkOperationRunQuery")).withRequestBody(containing("products {"))
                .willSetStateTo("products").willReturn(json(started("1"))));
        server.stubFor(post(urlEqualTo(graphql)).inScenario(shop).whenScenarioStateIs("products")
                .withRequestBody(containing("currentBulkOperation"))
                .willReturn(json(completed("1", files + "/products.jsonl"))));
        server.stubFor(post(urlEqualTo(graphql)).inScenario(shop).whenScenarioStateIs("products")
                .withRequestBody(containing("bulkOperationRunQuery")).withRequestBody(containing("orders(query"))
                .willSetStateTo("orders").willReturn(json(started("2"))));
        server.stubFor(post(urlEqualTo(graphql)).inScenario(shop).whenScenarioStateIs("orders")
                .withRequestBody(containing("currentBulkOperation"))
                .willReturn(json(completed("2", files + "/orders.jsonl"))));
        server.stubFor(get(urlEqualTo("/files/" + shop + "/products.jsonl")).willReturn(aResponse().withBody(productsJsonl)));
        server.stubFor(get(urlEqualTo("/files/" + shop + "/orders.jsonl")).willReturn(aResponse().withBody(ordersJsonl)));
    }

    static String started(String id) {
        return "{\"data\":{\"bulkOperationRunQuery\":{\"bulkOperation\":{\"id\":\"gid://shopify/BulkOperation/" + id
                + "\",\"status\":\"CREATED\"},\"userErrors\":[]}}}";
    }

    static String completed(String id, String url) {
        return "{\"data\":{\"currentBulkOperation\":{\"id\":\"gid://shopify/BulkOperation/" + id + "\",\"status\":\"COMPLETED\","
                + "\"errorCode\":null,\"objectCount\":\"12\",\"url\":\"" + url + "\"}}}";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    static Map<String, String> awaitSync(String shop) throws InterruptedException {
        for (int i = 0;; i++) {
            Map<String, String> status = given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                    .get("/admin/v1/shops/{shop}/sync", shop).then().statusCode(200).extract().jsonPath().getMap("");
            if ("done".equals(status.get("phase")) || "failed".equals(status.get("phase")) || i > 200) {
                return status;
            }
            Thread.sleep(100);
        }
    }
}
