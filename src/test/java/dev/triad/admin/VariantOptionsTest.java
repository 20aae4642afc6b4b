package dev.triad.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Variant options through the admin API: a bike in frame size M is upgraded to the next model in M,
 * never to a bigger frame of itself, and a merchant who names the frame size a tier sees that change.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class VariantOptionsTest {

    @Test
    void shouldOfferTheNextModelInTheShoppersFrameSizeAndNeverABiggerFrame() {
        BikeShop bikes = sizedBikes("sizes.example");

        Response offers = bikes.offers(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")));

        offers.then().statusCode(200)
                .body("offers.find { it.kind == 'upgrade' }.productId", equalTo("p-bike-700"))
                .body("offers.find { it.kind == 'upgrade' }.variantId", equalTo("v-700-m"))
                .body("offers.find { it.kind == 'upgrade' }.extra", equalTo("150.00"))
                .body("offers.variantId", not(hasItem("v-500-l")));
    }

    @Test
    void shouldShowEachVariantsOptionsInTheOrderTheyWereSent() {
        BikeShop bikes = sizedBikes("show-options.example");

        String shown = given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-bike-500")
                .then().statusCode(200)
                .body("sheet.upgrades.find { it.variantId == 'v-700-m' }.fit", equalTo("colour=sand; frame size=m"))
                .extract().asString();

        assertThat(shown).contains("\"options\":{\"Frame size\":\"M\",\"Colour\":\"Sand\"}");
    }

    @Test
    void shouldRefuseAnOptionWithoutAValueAndStoreNothing() {
        BikeShop bikes = sizedBikes("bad-options.example");

        given().header("Authorization", "Bearer " + bikes.adminKey).contentType(ContentType.JSON)
                .body(Map.of("title", "Trail Bike 500", "type", "bikes", "variants", List.of(
                        Map.of("id", "v-500-m", "price", "1.00", "options", Map.of("Frame size", " ")))))
                .put("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-bike-500")
                .then().statusCode(400).body("field", equalTo("variants[0].options.Frame size"));

        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-bike-500")
                .then().statusCode(200).body("product.variants[0].price", equalTo("799.00"));
    }

    @Test
    void shouldReMineTheShopWhenTheMerchantNamesFrameSizeATier() throws InterruptedException {
        BikeShop bikes = sizedBikes("tier-setting.example");

        bikes.settings(Map.of("stepBandPercent", 60, "tierOptions", List.of("Frame size")));

        String upgrade = null;
        for (long end = System.nanoTime() + Duration.ofSeconds(10).toNanos(); System.nanoTime() < end; Thread.sleep(50)) {
            upgrade = bikes.offers(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")))
                    .path("offers.find { it.kind == 'upgrade' }.variantId");
            if ("v-500-l".equals(upgrade)) {
                break;
            }
        }
        assertThat(upgrade).as("a bigger frame is now an upgrade").isEqualTo("v-500-l");
    }

    @Test
    void shouldRefuseTooManyTierOptionNamesNamingTheField() {
        BikeShop bikes = sizedBikes("too-many.example");

        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("platform", "shopify", "settings", Map.of("tierOptions",
                        Collections.nCopies(21, "Storage"))))
                .put("/admin/v1/shops/{shop}", bikes.shop)
                .then().statusCode(400).body("field", equalTo("settings.tierOptions"));
    }

    /** Trail Bike 500 in M and L, Trail Bike 700 in S, M and L, both in Sand; the 700 pinned as the 500's upgrade. */
    private static BikeShop sizedBikes(String shop) {
        BikeShop bikes = BikeShop.register(shop);
        bikes.product(Map.of("title", "Trail Bike 700", "type", "bikes", "variants", List.of(
                sized("v-700-s", "929.00", "S"), sized("v-700-m", "949.00", "M"), sized("v-700-l", "979.00", "L"))),
                "p-bike-700");
        bikes.product(Map.of("title", "Trail Bike 500", "type", "bikes", "variants", List.of(
                sized("v-500-m", "799.00", "M"), sized("v-500-l", "829.00", "L")),
                "complements", List.of("p-helmet"), "upgrades", List.of("p-bike-700")), "p-bike-500");
        return bikes;
    }

    private static Map<String, Object> sized(String id, String price, String size) {
        return Map.of("id", id, "title", size + " / Sand", "price", price,
                "options", options("Frame size", size, "Colour", "Sand"));
    }

    private static Map<String, String> options(String... namesAndValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return options;
    }
}
