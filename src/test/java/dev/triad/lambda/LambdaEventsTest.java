package dev.triad.lambda;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The Lambda packaging ({@code -Plambda}): real API Gateway HTTP API (payload format 2.0) events,
 * posted to Quarkus' mock Lambda event server, for an admin route and the offers route.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class LambdaEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SHOP = "lambda.example";

    @Test
    void shouldRegisterAShopAndAnswerOffersFromHttpApiEvents() throws Exception {
        Map<String, Object> auth = Map.of("authorization", "Bearer " + RedisTestResource.OPERATOR_KEY);
        JsonPath created = invoke("PUT", "/admin/v1/shops/" + SHOP, auth,
                Map.of("platform", "shopify", "currency", "USD"));
        assertEquals(201, created.getInt("statusCode"));
        JsonPath shop = new JsonPath(created.getString("body"));
        String admin = "Bearer " + shop.getString("adminKey");

        product(admin, "p-bike", "799.00", List.of("p-helmet", "p-lock"), List.of("p-bike-2"));
        product(admin, "p-helmet", "49.00", List.of(), List.of());
        product(admin, "p-lock", "25.00", List.of(), List.of());
        product(admin, "p-bike-2", "949.00", List.of(), List.of());

        JsonPath answer = invoke("POST", "/v1/shops/" + SHOP + "/offers",
                Map.of("x-triad-key", shop.getString("publishableKey"), "origin", "https://lambda.example"),
                Map.of("placement", "checkout", "currency", "USD", "cart", List.of(
                        Map.of("productId", "p-bike", "variantId", "v-p-bike", "quantity", 1, "price", "799.00"))));

        assertEquals(200, answer.getInt("statusCode"));
        JsonPath offers = new JsonPath(answer.getString("body"));
        assertEquals(List.of("add_on", "bundle", "upgrade"), offers.getList("offers.kind"));
        assertEquals(List.of("49.00", "66.60", "150.00"), offers.getList("offers.extra"));
        assertEquals(Boolean.FALSE, offers.get("degraded"));
    }

    @Test
    void shouldAnswerBadInputWithAProblemThroughLambdaToo() throws Exception {
        JsonPath answer = invoke("POST", "/v1/shops/" + SHOP + "/offers", Map.of("x-triad-key", "pk_x"),
                Map.of("placement", "checkout", "currency", "USD", "cart", List.of(
                        Map.of("productId", "p-bike", "quantity", 0, "price", "799.00"))));

        assertEquals(400, answer.getInt("statusCode"));
        JsonPath problem = new JsonPath(answer.getString("body"));
        assertEquals("cart[0].quantity", problem.getString("field"));
    }

    private static void product(String admin, String id, String price, List<String> complements,
            List<String> upgrades) throws Exception {
        JsonPath put = invoke("PUT", "/admin/v1/shops/" + SHOP + "/products/" + id, Map.of("authorization", admin),
                Map.of("title", id, "variants", List.of(Map.of("id", "v-" + id, "price", price)),
                        "complements", complements, "upgrades", upgrades));
        assertEquals(200, put.getInt("statusCode"), put.prettify());
    }

    /**
     * Where Quarkus' mock Lambda event server (the Lambda runtime API of the tests) takes events: the test port
     * of {@code quarkus.lambda.mock-event-server}, 8081 unless configured, for a {@code @QuarkusTest} and for
     * the packaged function alike (which has no HTTP port of its own).
     */
    static int mockEventServerPort() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.lambda.mock-event-server.test-port", Integer.class)
                .orElse(8081);
    }

    /** Posts one API Gateway HTTP API v2 event to the mock event server and returns the Lambda's answer. */
    static JsonPath invoke(String method, String path, Map<String, Object> headers, Object body) throws Exception {
        Map<String, Object> allHeaders = new HashMap<>(headers);
        allHeaders.put("content-type", "application/json");
        Map<String, Object> event = Map.of(
                "version", "2.0",
                "routeKey", "$default",
                "rawPath", path,
                "rawQueryString", "",
                "headers", allHeaders,
                "requestContext", Map.of(
                        "accountId", "123456789012", "apiId", "triad", "domainName", "triad.example",
                        "requestId", "req-" + System.nanoTime(), "routeKey", "$default", "stage", "$default",
                        "timeEpoch", System.currentTimeMillis(),
                        "http", Map.of("method", method, "path", path, "protocol", "HTTP/1.1",
                                "sourceIp", "127.0.0.1", "userAgent", "test")),
                "body", JSON.writeValueAsString(body),
                "isBase64Encoded", false);
        return given().baseUri("http://localhost").port(mockEventServerPort()).contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(event)).post("/_lambda_")
                .then().statusCode(200).extract().jsonPath();
    }

}
