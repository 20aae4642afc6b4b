package dev.triad.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a shop never offers: services that sit in its catalog (a gift card, an app's "Shipping
 * protection" product) and whatever its own never-offer list names, even when pinned.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class NeverOfferTest {

    @Test
    void shouldNeverOfferAGiftCardFromTheCatalogEvenWhenPinned() {
        BikeShop bikes = BikeShop.register("gift-card-" + getClass().getSimpleName().toLowerCase() + ".example");
        bikes.product("p-gift-card", "Gift Card", "gift cards", BikeShop.variant("v-gift-25", "25.00", true), List.of(),
                List.of());
        bikes.product("p-bike-500", "Trail Bike 500", "bikes", BikeShop.variant("v-500-m", "799.00", true),
                List.of("p-gift-card", "p-helmet", "p-lock"), List.of("p-bike-700"));

        assertThat(offered(bikes)).doesNotContain("p-gift-card").contains("p-helmet");
    }

    @Test
    void shouldStopOfferingWhatTheMerchantAddsToTheNeverOfferList() throws InterruptedException {
        BikeShop bikes = BikeShop.register("never-" + getClass().getSimpleName().toLowerCase() + ".example");
        bikes.product("p-protect", "Shipping Protection by Route", "insurance", BikeShop.variant("v-protect", "2.00", true),
                List.of(), List.of());
        bikes.product("p-bike-500", "Trail Bike 500", "bikes", BikeShop.variant("v-500-m", "799.00", true),
                List.of("p-protect", "p-helmet", "p-lock"), List.of("p-bike-700"));
        assertThat(offered(bikes)).as("before the merchant names it").contains("p-protect");

        bikes.settings(Map.of("neverOffer", List.of("shipping protection")));

        List<String> offered = offered(bikes);
        for (long end = System.nanoTime() + Duration.ofSeconds(10).toNanos(); offered.contains("p-protect")
                && System.nanoTime() < end; Thread.sleep(50)) {
            offered = offered(bikes);
        }
        assertThat(offered).doesNotContain("p-protect").contains("p-helmet");
    }

    private static List<String> offered(BikeShop bikes) {
        return bikes.offersForOneBike().then().statusCode(200).extract().jsonPath().getList("offers.productId", String.class)
                .stream().filter(java.util.Objects::nonNull).toList();
    }
}
