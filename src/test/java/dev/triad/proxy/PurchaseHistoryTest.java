package dev.triad.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A logged-in shopper's purchases, through the App Proxy (Shopify signs {@code logged_in_customer_id},
 * shopify.dev "Authenticate app proxies"): the helmet they bought last month is not offered again, the
 * chain oil they buy every two weeks comes back as the add-on when they are due, and a customer id
 * typed into a widget request reads no history at all.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class PurchaseHistoryTest {

    static final String ONE_BIKE = dev.triad.support.Orders.json(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")));

    @Test
    void shouldLeaveOutTheHelmetTheShopperOwnsAndRemindThemOfTheChainOilTheyAreDueFor() {
        BikeShop bikes = shopWithHistory("history-" + getClass().getSimpleName().toLowerCase() + ".example");

        JsonPath offers = asLoggedIn(bikes, "42");

        assertThat(offers.getList("offers.productId", String.class)).doesNotContain("p-helmet");
        assertThat(offers.getString("offers.find { it.reason == 'buy_again' }.productId")).isEqualTo("p-chain-oil");
        assertThat(offers.getInt("offers.find { it.reason == 'buy_again' }.evidence.everyDays")).isEqualTo(14);
        assertThat(offers.getList("offers")).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void shouldReadNoHistoryForACustomerIdAnyoneCouldTypeIntoAWidgetRequest() {
        BikeShop bikes = shopWithHistory("typed-" + getClass().getSimpleName().toLowerCase() + ".example");
        Map<String, Object> body = new java.util.HashMap<>(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")));
        body.put("customerId", "42");

        JsonPath offers = bikes.offers(body).then().statusCode(200).extract().jsonPath();

        assertThat(offers.getList("offers.productId", String.class)).contains("p-helmet");
        assertThat(offers.getList("offers.reason", String.class)).doesNotContain("buy_again");
    }

    @Test
    void shouldStillReadRedisOnceForALoggedInShopper() {
        BikeShop bikes = shopWithHistory("once-" + getClass().getSimpleName().toLowerCase() + ".example");
        asLoggedIn(bikes, "42");
        long commands = -1;
        long mgets = -1;
        for (int attempt = 0; attempt < 3 && commands != 1; attempt++) {
            long commandsBefore = Redis.commandsExecuted();
            long mgetsBefore = Redis.calls("mget");
            asLoggedIn(bikes, "42");
            commands = Redis.commandsExecuted() - commandsBefore;
            mgets = Redis.calls("mget") - mgetsBefore;
        }
        assertEquals(1, commands, "Redis commands for one offer request with a purchase history");
        assertEquals(1, mgets, "MGETs for one offer request with a purchase history");
    }

    /** The history a request reads is bounded: 10,000 orders of 10,000 products leave the 100 latest. */
    @Test
    void shouldKeepTheHistoryOfACustomerWithTenThousandOrdersToTheirHundredLatestProducts() {
        BikeShop bikes = shopWithHistory("big-" + getClass().getSimpleName().toLowerCase() + ".example");
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(10_000);
        StringBuilder orders = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            orders.append("{\"id\":\"big-").append(i).append("\",\"customerId\":\"7\",\"createdAt\":\"")
                    .append(start.plusDays(i)).append("\",\"lines\":[{\"productId\":\"p-part-").append(i)
                    .append("\",\"quantity\":1,\"price\":\"3.00\"}]}\n");
        }
        given().header("Authorization", "Bearer " + bikes.adminKey).contentType("application/x-ndjson")
                .body(orders.toString().getBytes(StandardCharsets.UTF_8))
                .post("/admin/v1/shops/{shop}/orders", bikes.shop).then().statusCode(200);
        List<String> histories = Redis.keys("triad:{" + bikes.shop + "}:history:*");
        String biggest = histories.stream().map(Redis::bytes).map(b -> new String(b, StandardCharsets.UTF_8))
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();

        assertThat(biggest.split(" ")).hasSize(4 * 100);
        assertThat(biggest).startsWith("p-part-9999 ").hasSizeLessThan(4_000);
        assertThat(asLoggedIn(bikes, "7").getList("offers")).isNotEmpty();
    }

    private static JsonPath asLoggedIn(BikeShop bikes, String customer) {
        return AppProxyTest.signed(bikes.shop, Instant.now().getEpochSecond(), Map.of("logged_in_customer_id", customer))
                .contentType(ContentType.JSON).body(ONE_BIKE).post("/proxy/v1/offers")
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * Six riders bought a bike with chain oil and a helmet; three of them bought oil again every two weeks
     * (so oil is bought again, the helmet is a durable); customer 42 bought a helmet 30 days ago and oil 40 and 26 days ago.
     */
    private static BikeShop shopWithHistory(String shop) {
        BikeShop bikes = BikeShop.register(shop);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> orders = new ArrayList<>();
        for (int rider = 1; rider <= 6; rider++) {
            LocalDate first = today.minusDays(100);
            orders.add(order("r" + rider + "-0", "rider-" + rider, first, "p-bike-500", "799.00", "p-chain-oil", "8.00",
                    "p-helmet", "49.00"));
            if (rider <= 3) {
                orders.add(order("r" + rider + "-1", "rider-" + rider, first.plusDays(14), "p-chain-oil", "8.00"));
                orders.add(order("r" + rider + "-2", "rider-" + rider, first.plusDays(28), "p-chain-oil", "8.00"));
            }
        }
        orders.add(order("c42-1", "42", today.minusDays(40), "p-chain-oil", "8.00"));
        orders.add(order("c42-2", "42", today.minusDays(30), "p-helmet", "49.00"));
        orders.add(order("c42-3", "42", today.minusDays(26), "p-chain-oil", "8.00"));
        given().header("Authorization", "Bearer " + bikes.adminKey).contentType("application/x-ndjson")
                .body(String.join("\n", orders).getBytes(StandardCharsets.UTF_8))
                .post("/admin/v1/shops/{shop}/orders", bikes.shop).then().statusCode(200);
        return bikes;
    }

    private static String order(String id, String customer, LocalDate day, String... productsAndPrices) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < productsAndPrices.length; i += 2) {
            lines.append(i == 0 ? "" : ",").append("{\"productId\":\"").append(productsAndPrices[i])
                    .append("\",\"quantity\":1,\"price\":\"").append(productsAndPrices[i + 1]).append("\"}");
        }
        return "{\"id\":\"" + id + "\",\"customerId\":\"" + customer + "\",\"createdAt\":\"" + day
                + "T10:00:00Z\",\"lines\":[" + lines + "]}";
    }
}
