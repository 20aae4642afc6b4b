package dev.triad.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A small bike shop registered through the admin API, the way a merchant would:
 * a Trail Bike 500 at 799.00 pinned to a helmet (49.00), a lock (25.00), a light (19.00) and a bell
 * (5.00, out of stock), and to two upgrades: the 700 (949.00, within the 60 % band) and the 900
 * (1399.00, beyond it).
 */
public final class BikeShop {

    public final String shop;
    public final String publishableKey;
    public final String adminKey;

    private BikeShop(String shop, String publishableKey, String adminKey) {
        this.shop = shop;
        this.publishableKey = publishableKey;
        this.adminKey = adminKey;
    }

    public static BikeShop register(String shop) {
        return register(shop, Map.of("stepBandPercent", 60, "bundleDiscountPercent", 10,
                "freeShippingThreshold", "1000.00"));
    }

    public static BikeShop register(String shop, Map<String, Object> settings) {
        return register(shop, settings, List.of());
    }

    public static BikeShop register(String shop, Map<String, Object> settings, List<String> allowedOrigins) {
        Response created = given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("platform", "shopify", "currency", "USD", "settings", settings,
                        "allowedOrigins", allowedOrigins))
                .put("/admin/v1/shops/{shop}", shop)
                .then().log().ifValidationFails().statusCode(201).extract().response();
        BikeShop bikes = new BikeShop(shop, created.path("publishableKey"), created.path("adminKey"));
        bikes.product("p-bike-500", "Trail Bike 500", "bikes", variant("v-500-m", "799.00", true),
                List.of("p-helmet", "p-lock", "p-light", "p-bell"), List.of("p-bike-700", "p-bike-900"));
        bikes.product("p-bike-700", "Trail Bike 700", "bikes", variant("v-700-m", "949.00", true), List.of(), List.of());
        bikes.product("p-bike-900", "Trail Bike 900", "bikes", variant("v-900-m", "1399.00", true), List.of(), List.of());
        bikes.product("p-helmet", "Helmet", "helmets", variant("v-helmet", "49.00", true), List.of(), List.of());
        bikes.product("p-lock", "Lock", "locks", variant("v-lock", "25.00", true), List.of(), List.of());
        bikes.product("p-light", "Light", "lights", variant("v-light", "19.00", true), List.of(), List.of());
        bikes.product("p-bell", "Bell", "accessories", variant("v-bell", "5.00", false), List.of(), List.of());
        return bikes;
    }

    /** Replaces the shop's settings through the admin API, as the merchant's settings page would. */
    public void settings(Map<String, Object> settings) {
        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("platform", "shopify", "currency", "USD", "settings", settings))
                .put("/admin/v1/shops/{shop}", shop)
                .then().log().ifValidationFails().statusCode(200);
    }

    public static Map<String, Object> variant(String id, String price, boolean inStock) {
        return Map.of("id", id, "title", "M", "price", price, "inStock", inStock);
    }

    public void product(String id, String title, String type, Map<String, Object> variant, List<String> complements,
            List<String> upgrades) {
        product(Map.of("title", title, "type", type, "variants", List.of(variant), "complements", complements,
                "upgrades", upgrades), id);
    }

    /** A product with a picture at {@code https://cdn.example/<id>.jpg} and a page at {@code /products/<id>}. */
    public void picturedProduct(String id, String title, String type, Map<String, Object> variant) {
        product(Map.of("title", title, "type", type, "variants", List.of(variant),
                "image", "https://cdn.example/" + id + ".jpg", "url", "/products/" + id), id);
    }

    /** Stores a product body as the admin API takes it. */
    public void product(Map<String, Object> body, String id) {
        given().header("Authorization", "Bearer " + adminKey).contentType(ContentType.JSON).body(body)
                .put("/admin/v1/shops/{shop}/products/{id}", shop, id)
                .then().statusCode(200);
    }

    /** Asks for offers for one Trail Bike 500 (size M) at 799.00. */
    public Response offersForOneBike() {
        return offers(cart(line("p-bike-500", "v-500-m", 1, "799.00")));
    }

    public Response offers(Object body) {
        return given().header("X-Triad-Key", publishableKey).contentType(ContentType.JSON).body(body)
                .post("/v1/shops/{shop}/offers", shop);
    }

    public static Map<String, Object> cart(Object... lines) {
        return Map.of("placement", "checkout", "currency", "USD", "cart", List.of(lines));
    }

    public static Map<String, Object> line(String productId, String variantId, int quantity, String price) {
        return Map.of("productId", productId, "variantId", variantId, "quantity", quantity, "price", price);
    }
}
