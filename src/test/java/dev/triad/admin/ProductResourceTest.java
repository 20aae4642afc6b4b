package dev.triad.admin;

import static dev.triad.support.BikeShop.variant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class ProductResourceTest {

    @Test
    void shouldShowAProductWithItsSheetPinsFirstInTheMerchantsOrder() {
        BikeShop bikes = BikeShop.register("view.example");

        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-bike-500")
                .then().statusCode(200)
                .body("product.title", equalTo("Trail Bike 500"))
                .body("product.variants[0].price", equalTo("799.00"))
                .body("sheet.complements.productId", contains("p-helmet", "p-lock", "p-light", "p-bell"))
                .body("sheet.complements[0].pinned", equalTo(true))
                .body("sheet.upgrades.productId", contains("p-bike-500", "p-bike-700", "p-bike-900"));
    }

    @Test
    void shouldShowAPriceChangeInOtherProductsOffersAtOnce() {
        BikeShop bikes = BikeShop.register("price.example");

        bikes.product("p-helmet", "Helmet", "helmets", variant("v-helmet", "44.00", true), List.of(), List.of());

        bikes.offersForOneBike().then().statusCode(200)
                .body("offers[0].productId", equalTo("p-helmet"))
                .body("offers[0].price", equalTo("44.00"))
                .body("offers.find { it.kind == 'bundle' }.price", equalTo("69.00"));
    }

    @Test
    void shouldStopOfferingAProductOnceItIsOutOfStock() {
        BikeShop bikes = BikeShop.register("stock.example");

        bikes.product("p-helmet", "Helmet", "helmets", variant("v-helmet", "49.00", false), List.of(), List.of());

        bikes.offersForOneBike().then().statusCode(200)
                .body("offers.productId", not(hasItem("p-helmet")))
                .body("offers[0].productId", equalTo("p-lock"));
        bikes.product("p-helmet", "Helmet", "helmets", variant("v-helmet", "49.00", true), List.of(), List.of());
        bikes.offersForOneBike().then().body("offers[0].productId", equalTo("p-helmet"));
    }

    @Test
    void shouldRemoveADeletedProductFromEveryOffer() {
        BikeShop bikes = BikeShop.register("delete.example");

        given().header("Authorization", "Bearer " + bikes.adminKey)
                .delete("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-bike-700")
                .then().statusCode(204);

        bikes.offersForOneBike().then().statusCode(200)
                .body("offers.kind", not(hasItem("upgrade")))
                .body("offers.productId", not(hasItem("p-bike-700")));
        given().header("Authorization", "Bearer " + bikes.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-bike-700").then().statusCode(404);
    }

    @Test
    void shouldSlotInAPinnedProductThatArrivesLater() {
        BikeShop bikes = BikeShop.register("later.example");
        bikes.product("p-bike-500", "Trail Bike 500", "bikes", variant("v-500-m", "799.00", true),
                List.of("p-bottle", "p-helmet"), List.of());

        bikes.offersForOneBike().then().body("offers[0].productId", equalTo("p-helmet"));
        bikes.product("p-bottle", "Bottle", "accessories", variant("v-bottle", "9.00", true), List.of(), List.of());

        bikes.offersForOneBike().then().statusCode(200)
                .body("offers.find { it.kind == 'bundle' }.items.productId", contains("p-bottle", "p-helmet"));
    }

    @Test
    void shouldOfferAPricierVariantOfTheSameProductAsAnUpgrade() {
        BikeShop bikes = BikeShop.register("variants.example");
        given().header("Authorization", "Bearer " + bikes.adminKey).contentType(ContentType.JSON)
                .body(Map.of("title", "Trail Bike 500", "variants", List.of(variant("v-500-m", "799.00", true),
                        Map.of("id", "v-500-carbon", "title", "Carbon", "price", "899.00"))))
                .put("/admin/v1/shops/{shop}/products/{id}", bikes.shop, "p-bike-500").then().statusCode(200);

        bikes.offersForOneBike().then().statusCode(200)
                .body("offers.find { it.kind == 'upgrade' }.variantId", equalTo("v-500-carbon"))
                .body("offers.find { it.kind == 'upgrade' }.extra", equalTo("100.00"));
    }

    @Test
    void shouldRefuseABadProductNamingTheFieldAndWriteNothing() {
        BikeShop bikes = BikeShop.register("badproduct.example");
        String auth = "Bearer " + bikes.adminKey;

        problem(auth, bikes.shop, Map.of("variants", List.of(variant("v", "1.00", true))), "title");
        problem(auth, bikes.shop, Map.of("title", "T", "variants", List.of()), "variants");
        problem(auth, bikes.shop, Map.of("title", "T", "variants", List.of(variant("v", "1,00", true))),
                "variants[0].price");
        problem(auth, bikes.shop, Map.of("title", "T", "variants", List.of(variant("v", "1.00", true)),
                "complements", List.of("p-new")), "complements[0]");
        problem(auth, bikes.shop, Map.of("title", "T", "rating", "great",
                "variants", List.of(variant("v", "1.00", true))), "rating");
        given().header("Authorization", auth).get("/admin/v1/shops/{shop}/products/p-new", bikes.shop)
                .then().statusCode(404);
    }

    @Test
    void shouldRefuseAnotherShopsAdminKey() {
        BikeShop mine = BikeShop.register("mine-products.example");
        BikeShop theirs = BikeShop.register("theirs-products.example");

        given().header("Authorization", "Bearer " + mine.adminKey).contentType(ContentType.JSON)
                .body(Map.of("title", "Hijack", "variants", List.of(variant("v", "1.00", true))))
                .put("/admin/v1/shops/{shop}/products/p-helmet", theirs.shop)
                .then().statusCode(401).contentType("application/problem+json");
        theirs.offersForOneBike().then().body("offers[0].title", equalTo("Helmet"));
    }

    private static void problem(String auth, String shop, Object body, String field) {
        given().header("Authorization", auth).contentType(ContentType.JSON).body(body)
                .put("/admin/v1/shops/{shop}/products/{id}", shop, "p-new")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }

}
