package dev.triad.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The events route takes the public key, so anyone can call it: what it stores must stay bounded
 * whatever is sent. (In tests a shop remembers at most 200 visitors a day:
 * {@code %test.triad.events.max-visitors-remembered-per-day}.)
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class EventStorageBoundsTest {

    @Test
    void shouldStoreNothingForDismissalsOfProductsTheShopDoesNotHave() {
        BikeShop bikes = BikeShop.register("bounds-fake-ids.example");
        List<String> fakes = List.of("x".repeat(128), "y".repeat(128), "z".repeat(128));

        for (int i = 0; i < 20; i++) {
            EventResourceTest.event(bikes, Map.of("type", "dismiss", "sessionId", "s-" + i,
                    "offers", List.of(Map.of("tier", 1, "kind", "add_on", "productIds", fakes)))).then().statusCode(202);
        }

        assertThat(Redis.keys("triad:{bounds-fake-ids.example}:dismissed:*")).isEmpty();
    }

    @Test
    void shouldRememberNoMoreVisitorsADayThanTheShopsBound() {
        BikeShop bikes = BikeShop.register("bounds-many-visitors.example");
        Map<String, Object> helmet = Map.of("tier", 1, "kind", "add_on", "productIds", List.of("p-helmet"));

        for (int i = 0; i < 260; i++) {
            EventResourceTest.event(bikes, Map.of("type", "dismiss", "sessionId", "visitor-" + i,
                    "offers", List.of(helmet))).then().statusCode(202);
        }

        assertThat(Redis.keys("triad:{bounds-many-visitors.example}:dismissed:*")).hasSize(200);
        assertThat(EventResourceTest.offered(bikes, "visitor-3")).doesNotContain("p-helmet");
    }
}
