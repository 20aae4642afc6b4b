package dev.triad.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.triad.support.Admin;
import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import dev.triad.support.RestartableRedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Faults injected into a real Redis under a bounded load: stopped (a crash; it comes back from its
 * append-only file, as a durable node does) and frozen with SIGSTOP (a stalled node). Whatever
 * happens, offers answer at once, every other route says 503 rather than 500 and never holds a
 * request past Shopify's 5 s, and every delivery that was acknowledged is counted exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = RestartableRedisTestResource.class, restrictToAnnotatedClass = true)
class FaultInjectionTest {

    @AfterEach
    void redisBack() {
        try {
            RestartableRedisTestResource.resumeRedis();
        } catch (RuntimeException alreadyRunning) {
            // not paused
        }
        try {
            Redis.command("PING");
        } catch (RuntimeException down) {
            RestartableRedisTestResource.startRedis();
        }
    }

    @Test
    void shouldAnswer503WithoutAStackTraceOnEveryRouteButOffersWhileRedisIsDown() {
        BikeShop bikes = BikeShop.register("fault-down.myshopify.com");
        RestartableRedisTestResource.stopRedis();

        bikes.offersForOneBike().then().statusCode(200).body("degraded", equalTo(true));
        for (Response answer : List.of(
                given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                        .body(Map.of("platform", "shopify")).put("/admin/v1/shops/{shop}", "fault-new.example"),
                given().header("Authorization", "Bearer " + bikes.adminKey)
                        .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-helmet"),
                given().header("X-Triad-Key", bikes.publishableKey).contentType(ContentType.JSON)
                        .body(Map.of("type", "impression", "sessionId", "s")).post("/v1/shops/{shop}/events", bikes.shop),
                given().header("Authorization", "Bearer " + bikes.adminKey).post("/admin/v1/shops/{shop}/rebuild", bikes.shop),
                Stores.shopify(bikes.shop, "orders/create", "e", Orders.shopify("down-1", null, null, "p-lock", "25.00")))) {
            answer.then().statusCode(503).contentType("application/problem+json");
            assertThat(answer.asString()).doesNotContain("at dev.").doesNotContain("Exception");
        }
    }

    /**
     * WooCommerce never delivers a webhook again and disables one after more than five failures in a row
     * (WC_Webhook::log_delivery: a failure is anything but 2xx, 301 or 302; failed_delivery). A delivery
     * that meets Redis down is held and answered 202, and applied once Redis is back; a forged one held
     * alongside is refused then and writes nothing.
     */
    @Test
    void shouldHoldAWooCommerceDeliveryWhileRedisIsDownAndApplyItOnceRedisIsBack() throws Exception {
        String secret = "woo-outage-secret";
        Admin shop = Stores.register("fault-woo.example", "woocommerce", Map.of("webhookSecret", secret));
        String order = Stores.fixture("woocommerce/order.json");
        RestartableRedisTestResource.stopRedis();

        Stores.woo(shop.shop(), "order.created", order, secret).then().statusCode(202)
                .body("result", equalTo("deferred"));
        Stores.woo(shop.shop(), "order.created", order.replace("\"id\": 727", "\"id\": 728"), "not-the-secret")
                .then().statusCode(202);
        RestartableRedisTestResource.startRedis();

        String prefix = "triad:{fault-woo.example}:";
        for (int i = 0; i < 100 && Redis.keys(prefix + "orders").isEmpty(); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(2500); // one more round of the spool, for the forged delivery
        assertThat(Redis.command("HLEN", prefix + "orders")).isEqualTo(":1");
        assertThat(Redis.command("HEXISTS", prefix + "orders", "727")).isEqualTo(":1");
    }

    @Test
    void shouldStayQuickWhileRedisIsFrozenAndCatchUpOnceItThaws() throws Exception {
        BikeShop bikes = BikeShop.register("fault-frozen.myshopify.com");
        String order = Orders.shopify("frozen-1", null, null, "p-bike-500", "799.00", "p-lock", "25.00");
        RestartableRedisTestResource.pauseRedis();
        try {
            ExecutorService load = Executors.newFixedThreadPool(4);
            List<Future<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(load.submit(() -> {
                    long start = System.nanoTime();
                    boolean degraded = bikes.offersForOneBike().then().statusCode(200).extract().path("degraded");
                    return new long[] {(System.nanoTime() - start) / 1_000_000, degraded ? 1 : 0};
                }));
            }
            long start = System.nanoTime();
            int webhook = Stores.shopify(bikes.shop, "orders/create", "e", order).statusCode();
            long webhookMillis = (System.nanoTime() - start) / 1_000_000;
            for (Future<long[]> answer : answers) {
                long[] result = answer.get(30, TimeUnit.SECONDS);
                assertThat(result[1]).as("offer answered degraded").isEqualTo(1);
                assertThat(result[0]).as("offer answer time, ms").isLessThan(1000);
            }
            load.shutdown();
            assertThat(webhook).isEqualTo(503);
            assertThat(webhookMillis).as("Shopify waits 5 s for an answer").isLessThan(5000);
        } finally {
            RestartableRedisTestResource.resumeRedis();
        }

        Stores.shopify(bikes.shop, "orders/create", "e", order).then().statusCode(200)
                .body("result", equalTo("processed"));
        bikes.offersForOneBike().then().statusCode(200).body("degraded", equalTo(false));
    }

    @Test
    void shouldCountEveryAcknowledgedOrderOnceWhenRedisCrashesUnderConcurrentDeliveries() throws Exception {
        BikeShop bikes = BikeShop.register("fault-crash.myshopify.com");
        int senders = 8;
        int perSender = 30;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean crashed = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(senders);
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            work.add(load.submit(() -> {
                for (int i = 0; i < perSender; i++) {
                    String id = "crash-" + sender + "-" + i;
                    String body = Orders.shopify(id, null, null, "p-bike-500", "799.00", "p-" + (i % 5), "5.00");
                    // Shopify's retry: again until acknowledged.
                    for (int attempt = 0; ; attempt++) {
                        int status = Stores.shopify(bikes.shop, "orders/create", "e-" + id, body).statusCode();
                        if (status == 200) {
                            acknowledged.add(id);
                            break;
                        }
                        assertThat(status).isEqualTo(503);
                        refused.incrementAndGet();
                        Thread.sleep(50);
                        assertThat(attempt).isLessThan(400);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(300);
        RestartableRedisTestResource.stopRedis();
        crashed.set(true);
        Thread.sleep(1500);
        RestartableRedisTestResource.startRedis();
        for (Future<?> f : work) {
            f.get(120, TimeUnit.SECONDS);
        }
        load.shutdown();

        assertThat(crashed).isTrue();
        assertThat(refused.get()).as("deliveries refused while Redis was down").isPositive();
        assertThat(acknowledged).hasSize(senders * perSender);
        String prefix = "triad:{fault-crash.myshopify.com}:";
        assertThat(Redis.command("HLEN", prefix + "orders")).isEqualTo(":" + senders * perSender);
        assertThat(Redis.command("HGET", prefix + "meta", "orders")).isEqualTo(String.valueOf(senders * perSender));
        assertThat(Redis.command("HGET", prefix + "counts", "p-bike-500")).isEqualTo(String.valueOf(senders * perSender));
    }

    @Test
    void shouldAnswerSixteenConcurrentOrderDeliveriesOfOneShopWithinShopifysFiveSeconds() throws Exception {
        BikeShop bikes = BikeShop.register("fault-concurrent.myshopify.com");
        ExecutorService load = Executors.newFixedThreadPool(16);
        List<Future<long[]>> answers = new ArrayList<>();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 160; i++) {
            String id = "conc-" + i;
            ids.add(id);
            String body = Orders.shopify(id, null, null, "p-bike-500", "799.00", "p-" + (i % 7), "5.00", "p-lock", "25.00");
            answers.add(load.submit(() -> {
                long start = System.nanoTime();
                int status = Stores.shopify(bikes.shop, "orders/create", "e-" + id, body).statusCode();
                return new long[] {status, (System.nanoTime() - start) / 1_000_000};
            }));
        }
        long slowest = 0;
        for (Future<long[]> answer : answers) {
            long[] result = answer.get(60, TimeUnit.SECONDS);
            assertThat(result[0]).as("status").isEqualTo(200);
            slowest = Math.max(slowest, result[1]);
        }
        load.shutdown();

        assertThat(slowest).as("slowest answer, ms").isLessThan(5000);
        String prefix = "triad:{fault-concurrent.myshopify.com}:";
        assertThat(Redis.command("HGET", prefix + "meta", "orders")).isEqualTo("160");
        assertThat(Redis.command("HGET", prefix + "counts", "p-lock")).isEqualTo("160");
    }
}
