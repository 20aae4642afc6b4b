package dev.triad.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * A merchant with a 50 % hold-out sees, per group, how many sessions asked for offers, how many
 * ordered and for how much, and the uplift; orders holding an item added from an offer are won by Triad.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class HoldoutStatsTest {

    @Test
    void shouldCompareConversionOfExposedSessionsAgainstTheHoldout() throws InterruptedException {
        BikeShop bikes = BikeShop.register("uplift.myshopify.com", Map.of("holdoutPercent", 50));
        List<String> exposed = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String session = "cart-token-" + i;
            Map<String, Object> cart = new HashMap<>(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")));
            cart.put("sessionId", session);
            boolean holdout = bikes.offers(cart).then().statusCode(200).extract().path("holdout");
            (holdout ? heldOut : exposed).add(session);
        }
        assertThat(exposed).hasSizeGreaterThan(5);
        assertThat(heldOut).hasSizeGreaterThan(5);
        awaitSessions(bikes, 40);

        // Exposed: four sessions order, two of them the helmet they added from an offer. Hold-out: two order.
        for (String session : exposed.subList(0, 2)) {
            given().header("X-Triad-Key", bikes.publishableKey).contentType(ContentType.JSON)
                    .body(Map.of("type", "add", "sessionId", session, "offers",
                            List.of(Map.of("kind", "add_on", "productIds", List.of("p-helmet")))))
                    .post("/v1/shops/{shop}/events", bikes.shop).then().statusCode(202);
        }
        int order = 0;
        for (String session : exposed.subList(0, 4)) {
            order(bikes, ++order, session, "p-bike-500", "799.00", "p-helmet", "49.00");
        }
        for (String session : heldOut.subList(0, 2)) {
            order(bikes, ++order, session, "p-bike-500", "799.00");
        }
        order(bikes, ++order, "never-asked", "p-lock", "25.00");

        JsonPath stats = awaitSessions(bikes, 40);
        assertThat(stats.getLong("exposed.sessions")).isEqualTo(exposed.size());
        assertThat(stats.getLong("holdout.sessions")).isEqualTo(heldOut.size());
        assertThat(stats.getLong("exposed.orders")).isEqualTo(4);
        assertThat(stats.getString("exposed.revenue")).isEqualTo("3392.00");
        assertThat(stats.getString("exposed.averageOrderValue")).isEqualTo("848.00");
        assertThat(stats.getLong("holdout.orders")).isEqualTo(2);
        assertThat(stats.getString("holdout.revenue")).isEqualTo("1598.00");
        assertThat(stats.getDouble("exposed.conversion")).isCloseTo(4.0 / exposed.size(), within());
        assertThat(stats.getDouble("holdout.conversion")).isCloseTo(2.0 / heldOut.size(), within());
        double expectedUplift = (4.0 / exposed.size()) / (2.0 / heldOut.size()) - 1;
        assertThat(stats.getDouble("uplift.conversion")).isCloseTo(expectedUplift, within());
        assertThat(stats.getLong("orders.total")).isEqualTo(7);
        assertThat(stats.getLong("orders.attributed")).isEqualTo(2);
        assertThat(stats.getString("orders.attributedRevenue")).isEqualTo("98.00");
    }

    @Test
    void shouldRefuseDatesThatAreNotDates() {
        BikeShop bikes = BikeShop.register("dates.myshopify.com");
        given().header("Authorization", "Bearer " + bikes.adminKey).queryParam("from", "yesterday")
                .get("/admin/v1/shops/{shop}/stats", bikes.shop).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("from"));
    }

    @Test
    void shouldServeTheMerchantsStatsPage() {
        given().get("/admin/stats.html").then().statusCode(200).contentType(ContentType.HTML)
                .body(org.hamcrest.Matchers.containsString("<script src=\"stats.js\">"));
        // The page's script (no inline script: the page's Content-Security-Policy allows none) asks the stats API.
        given().get("/admin/stats.js").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/admin/v1/shops/"));
    }

    static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-5);
    }

    static void order(BikeShop bikes, int n, String cartToken, String... productsAndPrices) {
        Stores.shopify(bikes.shop, "orders/create", "event-" + n,
                Orders.shopify("order-" + n, null, cartToken, productsAndPrices)).then().statusCode(200);
    }

    /** Sessions reach the counters within about a second (they are written in batches, off the offer path). */
    static JsonPath awaitSessions(BikeShop bikes, long sessions) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonPath stats = given().header("Authorization", "Bearer " + bikes.adminKey)
                    .get("/admin/v1/shops/{shop}/stats", bikes.shop).then().statusCode(200).extract().jsonPath()
                    .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
            if (stats.getLong("exposed.sessions") + stats.getLong("holdout.sessions") >= sessions
                    || System.nanoTime() > deadline) {
                return stats;
            }
            Thread.sleep(100);
        }
    }
}
