package dev.triad.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.support.Admin;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The add-on feed a Klaviyo web feed fetches (Klaviyo's documented limits: fetched on a schedule without
 * credentials of its own, answered within 5 s, at most about 3.3 MB, no redirect): each product's add-ons in
 * stock by product id, behind a revocable key, with ETag and Last-Modified; a catalog too big keeps its most
 * ordered products and says what it left out.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class AddOnFeedTest {

    @Test
    void theFeedListsEachProductsAddOnsInStockByProductIdWithTheStoresAddresses() throws Exception {
        Admin shop = Admin.register("feed-one.myshopify.com");
        product(shop, "bike", "Trail Bike", "799.00", true, List.of("helmet", "bell", "lock"));
        product(shop, "helmet", "Helmet", "49.00", true, List.of());
        product(shop, "bell", "Bell", "9.00", false, List.of());
        product(shop, "lock", "Lock", "25.00", true, List.of());
        Response answer = given().get(feedPath(shop));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode feed = new ObjectMapper().readTree(answer.asByteArray());
        assertThat(feed.path("truncated").asBoolean(true)).isFalse();
        assertThat(feed.path("currency").asText()).isEqualTo("USD");
        JsonNode addOns = feed.at("/products/bike");
        assertThat(addOns.findValuesAsText("id")).containsExactly("helmet", "lock");
        assertThat(addOns.get(0).path("url").asText()).isEqualTo("https://feed-one.myshopify.com/products/helmet");
        assertThat(addOns.get(0).path("price").asText()).isEqualTo("49.00");
        assertThat(addOns.get(0).path("reason").asText()).isEqualTo("merchant_pick");
        assertThat(feed.path("products").has("helmet")).as("a product without add-ons is left out").isFalse();
    }

    @Test
    void aWrongOrRevokedKeyAndAnUnknownShopGetTheSameNotFound() {
        Admin shop = Admin.register("feed-two.myshopify.com");
        String path = feedPath(shop);
        String key = path.split("/")[4];
        given().get("/feeds/v1/{shop}/{key}/add-ons.json", shop.shop(), "x".repeat(32)).then().statusCode(404);
        given().get("/feeds/v1/{shop}/{key}/add-ons.json", "nobody.myshopify.com", key).then().statusCode(404);
        given().get(feedPath(shop)).then().statusCode(200);
        given().get(path).then().statusCode(404);
        given().header("Authorization", "Bearer " + shop.adminKey()).delete("/admin/v1/shops/{shop}/feed-key", shop.shop())
                .then().statusCode(204);
        given().get(path).then().statusCode(404);
        given().post("/admin/v1/shops/{shop}/feed-key", shop.shop()).then().statusCode(401);
    }

    @Test
    void anUnchangedFeedAnswersNotModifiedAndAChangedOneANewEtag() {
        Admin shop = Admin.register("feed-three.myshopify.com");
        product(shop, "bike", "Trail Bike", "799.00", true, List.of("helmet"));
        product(shop, "helmet", "Helmet", "49.00", true, List.of());
        String path = feedPath(shop);
        Response first = given().get(path);
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
        given().header("If-Modified-Since", lastModified).get(path).then().statusCode(304);
        product(shop, "helmet", "Helmet", "45.00", true, List.of());
        Response changed = given().header("If-None-Match", etag).get(path);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.asString()).contains("\"45.00\"");
    }

    @Test
    void aCatalogTooBigForKlaviyoKeepsItsMostOrderedProductsAndSaysHowManyItLeftOut() throws Exception {
        Admin shop = Admin.register("feed-big.myshopify.com");
        int products = 3_000;
        StringBuilder catalog = new StringBuilder();
        String padding = "x".repeat(300);
        for (int i = 0; i < products; i++) {
            List<String> pins = List.of("p" + ((i + 1) % products), "p" + ((i + 2) % products), "p" + ((i + 3) % products));
            catalog.append(new ObjectMapper().writeValueAsString(Map.of("id", "p" + i, "title", "Product " + i + " " + padding,
                    "url", "/products/p" + i, "complements", pins,
                    "variants", List.of(Map.of("id", "v" + i, "price", "10.00", "inStock", true))))).append('\n');
        }
        given().header("Authorization", "Bearer " + shop.adminKey()).contentType("application/x-ndjson")
                .body(catalog.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/admin/v1/shops/{shop}/catalog", shop.shop()).then().statusCode(200);
        // The last products of the id order are the most ordered: without popularity they would be left out first.
        List<String> orders = new ArrayList<>(List.of("order_id,product_id,quantity,price"));
        for (int n = 0; n < 20; n++) {
            orders.add("o" + n + ",p2999,1,10.00");
            orders.add("o" + n + ",p2998,1,10.00");
        }
        shop.importOrders(String.join("\n", orders) + "\n");

        Response answer = given().get(feedPath(shop));
        assertThat(answer.asByteArray().length).isLessThanOrEqualTo(3_300_000);
        JsonNode feed = new ObjectMapper().readTree(answer.asByteArray());
        assertThat(feed.at("/truncated/by").asText()).isEqualTo("popularity");
        int left = feed.at("/truncated/productsLeftOut").asInt();
        assertThat(left).isPositive();
        assertThat(feed.path("products").size() + left).isEqualTo(products);
        assertThat(feed.path("products").has("p2999")).isTrue();
        assertThat(feed.path("products").has("p2998")).isTrue();
        assertThat(feed.path("products").has("p999")).as("ids sort p999 last of the never ordered").isFalse();
    }

    @Test
    void aFiftyThousandProductShopsFeedKeepsToKlaviyosLimits() throws Exception {
        Admin shop = Admin.register("feed-fifty.myshopify.com");
        int products = 50_000;
        StringBuilder catalog = new StringBuilder(products * 260);
        for (int i = 0; i < products; i++) {
            catalog.append("{\"id\":\"p").append(i).append("\",\"title\":\"Product ").append(i)
                    .append(" of a large shop\",\"url\":\"/products/p").append(i)
                    .append("\",\"image\":\"https://cdn.example/p/").append(i).append(".jpg\",\"complements\":[\"p")
                    .append((i + 1) % products).append("\",\"p").append((i + 2) % products).append("\",\"p")
                    .append((i + 3) % products).append("\"],\"variants\":[{\"id\":\"v").append(i)
                    .append("\",\"price\":\"").append(5 + i % 200).append(".00\",\"inStock\":true}]}\n");
        }
        given().header("Authorization", "Bearer " + shop.adminKey()).contentType("application/x-ndjson")
                .body(catalog.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/admin/v1/shops/{shop}/catalog", shop.shop()).then().statusCode(200);

        Response answer = given().redirects().follow(false).get(feedPath(shop));
        assertThat(answer.statusCode()).as("answered directly, never redirected").isEqualTo(200);
        assertThat(answer.asByteArray().length).as("Klaviyo's limit of about 3.3 MB").isLessThanOrEqualTo(3_300_000);
        JsonNode feed = new ObjectMapper().readTree(answer.asByteArray());
        assertThat(feed.path("productCount").asInt()).isEqualTo(products);
        assertThat(feed.path("products").size() + feed.at("/truncated/productsLeftOut").asInt()).isEqualTo(products);
        assertThat(feed.at("/products/p0").findValuesAsText("id")).containsExactly("p1", "p2", "p3");

        Response one = given().get(feedPath(shop) + "?addOns=1");
        JsonNode smaller = new ObjectMapper().readTree(one.asByteArray());
        assertThat(smaller.at("/products/p0").findValuesAsText("id")).containsExactly("p1");
        assertThat(smaller.path("products").size()).as("one add-on a product lets more products in")
                .isGreaterThan(2 * feed.path("products").size());
        given().get(feedPath(shop) + "?addOns=4").then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("addOns"));
    }

    private static String feedPath(Admin shop) {
        return given().header("Authorization", "Bearer " + shop.adminKey()).post("/admin/v1/shops/{shop}/feed-key", shop.shop())
                .then().statusCode(201).extract().path("path");
    }

    private static void product(Admin shop, String id, String title, String price, boolean inStock, List<String> pins) {
        given().header("Authorization", "Bearer " + shop.adminKey()).contentType(ContentType.JSON)
                .body(Map.of("title", title, "url", "/products/" + id, "complements", pins,
                        "variants", List.of(Map.of("id", "v-" + id, "price", price, "inStock", inStock))))
                .put("/admin/v1/shops/{shop}/products/{id}", shop.shop(), id).then().statusCode(200);
    }

}
