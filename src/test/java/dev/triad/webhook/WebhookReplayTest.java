package dev.triad.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.Redis;
import dev.triad.support.RestartableRedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Shopify delivers at least once and retries whatever was not acknowledged. The same 1,000
 * deliveries, replayed twice in random order, with Redis stopped for part of the run and every
 * refused delivery retried, leave exactly the counts of one clean pass.
 */
@QuarkusTest
@QuarkusTestResource(value = RestartableRedisTestResource.class, restrictToAnnotatedClass = true)
class WebhookReplayTest {

    record Delivery(String eventId, String body) {
    }

    @Test
    void shouldCountEveryOrderExactlyOnceThroughReplaysAnOutageAndRetries() {
        BikeShop.register("clean.myshopify.com");
        BikeShop.register("replayed.myshopify.com");
        List<Delivery> deliveries = deliveries(new Random(7));

        for (Delivery d : deliveries) {
            Stores.shopify("clean.myshopify.com", "orders/create", d.eventId(), d.body()).then().statusCode(200);
        }

        Random random = new Random(11);
        List<Delivery> firstPass = new ArrayList<>(deliveries);
        Collections.shuffle(firstPass, random);
        Deque<Delivery> retries = new ArrayDeque<>();
        int refused = 0;
        for (int i = 0; i < firstPass.size(); i++) {
            if (i == 300) {
                RestartableRedisTestResource.stopRedis();
            }
            if (i == 450) {
                RestartableRedisTestResource.startRedis();
            }
            int status = deliver(firstPass.get(i));
            if (status != 200) {
                assertThat(status).as("a delivery Triad could not store is refused with 503").isEqualTo(503);
                refused++;
                retries.add(firstPass.get(i));
            }
            if (i > 450 && !retries.isEmpty() && random.nextInt(3) == 0) {
                retry(retries.poll());
            }
        }
        while (!retries.isEmpty()) {
            retry(retries.poll());
        }
        List<Delivery> secondPass = new ArrayList<>(deliveries);
        Collections.shuffle(secondPass, random);
        secondPass.forEach(WebhookReplayTest::retry);

        assertThat(refused).as("deliveries refused while Redis was down").isGreaterThanOrEqualTo(100);
        assertThat(state("replayed.myshopify.com")).isEqualTo(state("clean.myshopify.com"));
        assertThat(Redis.command("HGET", "triad:{replayed.myshopify.com}:meta", "orders")).isEqualTo("950");
    }

    /** 950 orders over 40 products, and 50 of them delivered a second time under another event id. */
    static List<Delivery> deliveries(Random random) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int order = 0; order < 950; order++) {
            int lines = 1 + random.nextInt(4);
            List<String> productsAndPrices = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                int product = (int) Math.min(39, Math.abs(random.nextGaussian() * 12));
                productsAndPrices.add("p-" + product);
                productsAndPrices.add((10 + product) + ".00");
            }
            deliveries.add(new Delivery("event-" + order, Orders.shopify("order-" + order, "customer-" + (order % 97),
                    "cart-" + order, productsAndPrices.toArray(String[]::new))));
        }
        for (int again = 0; again < 50; again++) {
            Delivery original = deliveries.get(again * 19);
            deliveries.add(new Delivery("event-again-" + again, original.body()));
        }
        return deliveries;
    }

    static int deliver(Delivery d) {
        return Stores.shopify("replayed.myshopify.com", "orders/create", d.eventId(), d.body()).statusCode();
    }

    /** Shopify's retry: deliver again until acknowledged (Redis is up again by then). */
    static void retry(Delivery d) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (deliver(d) == 200) {
                return;
            }
        }
        throw new AssertionError("delivery " + d.eventId() + " never acknowledged");
    }

    /** Order count, per-product counts, co-purchase rows (as maps) and the day's order statistics. */
    static Map<String, Object> state(String shop) {
        String prefix = "triad:{" + shop + "}:";
        Map<String, Object> state = new TreeMap<>();
        state.put("orders", Redis.command("HGET", prefix + "meta", "orders"));
        state.put("ordersLogged", Redis.command("HLEN", prefix + "orders"));
        for (int p = 0; p < 40; p++) {
            String id = "p-" + p;
            state.put("count " + id, Redis.command("HGET", prefix + "counts", id));
            state.put("pairs " + id, pairs(Redis.command("GET", prefix + "pairs:" + id)));
        }
        for (String key : Redis.keys(prefix + "stats:*")) {
            for (String field : List.of("orders", "revenue")) {
                state.put(field, Redis.command("HGET", key, field));
            }
        }
        return state;
    }

    static Map<String, String> pairs(String row) {
        Map<String, String> pairs = new HashMap<>();
        if (row != null && !row.isEmpty()) {
            String[] parts = row.split(" ");
            for (int i = 0; i + 1 < parts.length; i += 2) {
                pairs.put(parts[i], parts[i + 1]);
            }
        }
        return new TreeMap<>(pairs);
    }
}
