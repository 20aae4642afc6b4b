package dev.triad.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.Admin;
import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Shopify signs a webhook's body, not its headers: a captured delivery sent again with another
 * {@code X-Shopify-Shop-Domain}, {@code X-Shopify-Topic} or event id must change nothing. Bodies are
 * Shopify's own published samples (../shared/data/fixtures/shopify: the REST order and product of
 * Shopify/shopify-api-ruby, the privacy topics' samples of shopify.dev's compliance documentation).
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class ShopifySignedFactsTest {

    // Shopify's ids are unique across all stores, and other tests deliver these same samples: each test
    // here gives the sample ids of its own, as another store's deliveries would carry.
    static String order() {
        return Orders.json(JsonPath.from(Stores.fixture("shopify/order.json")).getMap("order"))
                .replace("450789469", "9450789469");
    }

    static String product() {
        return Orders.json(JsonPath.from(Stores.fixture("shopify/product.json")).getMap("product"))
                .replace("632910392", "9632910392");
    }

    @Test
    void shouldNotAddAnotherShopsSignedOrderWhenItIsReplayedUnderThisShopsName() {
        BikeShop owner = BikeShop.register("order-owner.myshopify.com");
        BikeShop victim = BikeShop.register("order-victim.myshopify.com");
        Stores.shopify(owner.shop, "orders/create", "e-1", order()).then().statusCode(200)
                .body("result", equalTo("processed"));

        Stores.shopify(victim.shop, "orders/create", "e-2", order()).then().statusCode(403)
                .body("field", equalTo("X-Shopify-Shop-Domain"));

        assertThat(Redis.keys("triad:{order-victim.myshopify.com}:order*")).isEmpty();
        assertThat(Redis.keys("triad:{order-victim.myshopify.com}:stats:*")).isEmpty();
        assertThat(Redis.command("HLEN", "triad:{order-victim.myshopify.com}:orders")).isEqualTo(":0");
    }

    @Test
    void shouldNotLetAnotherShopsProductUpdateIntoThisShopsCatalog() {
        BikeShop owner = BikeShop.register("product-owner.myshopify.com");
        BikeShop victim = BikeShop.register("product-victim.myshopify.com");
        Stores.shopify(owner.shop, "products/update", "e-1", product()).then().statusCode(200);

        Stores.shopify(victim.shop, "products/update", "e-2", product()).then().statusCode(403);

        given().header("Authorization", "Bearer " + victim.adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", victim.shop, "9632910392").then().statusCode(404);
    }

    @Test
    void shouldRefuseAnOrderBodySentAsAnUninstallAndKeepOffering() {
        BikeShop bikes = BikeShop.register("not-uninstalled.myshopify.com");

        Stores.shopify(bikes.shop, "app/uninstalled", "e-u", order()).then().statusCode(400)
                .body("field", equalTo("myshopify_domain"));
        Stores.shopify(bikes.shop, "products/update", "e-p", order()).then().statusCode(400);
        Stores.shopify(bikes.shop, "customers/redact", "e-r", order()).then().statusCode(400);

        bikes.offersForOneBike().then().statusCode(200).body("offers.kind", hasItem("add_on"));
    }

    @Test
    void shouldRefuseAnUninstallWhoseBodyNamesAnotherShop() {
        BikeShop bikes = BikeShop.register("still-installed.myshopify.com");
        String uninstall = Stores.fixture("shopify/app-uninstalled-sample.json")
                .replace("\"myshopify_domain\": null", "\"myshopify_domain\": \"someone-else.myshopify.com\"");

        Stores.shopify(bikes.shop, "app/uninstalled", "e-u", uninstall).then().statusCode(403);

        bikes.offersForOneBike().then().statusCode(200).body("offers.kind", hasItem("add_on"));
    }

    @Test
    void shouldNeverEraseAShopThatIsNotAShopifyShopOnShopRedact() {
        Admin woo = Stores.register("woo-redact.example", "woocommerce", Map.of("webhookSecret", "woo-secret"));
        given().header("Authorization", "Bearer " + woo.adminKey()).contentType("application/json")
                .body(Map.of("title", "Kept", "variants", java.util.List.of(Map.of("id", "v", "price", "1.00"))))
                .put("/admin/v1/shops/{shop}/products/{id}", woo.shop(), "kept").then().statusCode(200);
        String redact = Stores.fixture("shopify/shop-redact-sample.json").replace("{shop}.myshopify.com", woo.shop())
                .replace("954889", "9954881");

        Stores.shopify(woo.shop(), "shop/redact", "e-r", redact).then().statusCode(200)
                .body("result", equalTo("nothing-held"));

        assertThat(Redis.keys("triad:{woo-redact.example}:*")).contains("triad:{woo-redact.example}:product:kept");
    }

    @Test
    void shouldRefuseAShopRedactNamingAnotherShopThanTheHeader() {
        BikeShop bikes = BikeShop.register("redact-victim.myshopify.com");
        String redact = Stores.fixture("shopify/shop-redact-sample.json")
                .replace("{shop}.myshopify.com", "redact-attacker.myshopify.com").replace("954889", "9954882");

        Stores.shopify(bikes.shop, "shop/redact", "e-r", redact).then().statusCode(403);

        bikes.offersForOneBike().then().statusCode(200).body("offers.kind", hasItem("add_on"));
    }

    @Test
    void shouldNotLetAChosenEventIdSilenceALaterRealDelivery() {
        BikeShop bikes = BikeShop.register("event-ids.myshopify.com");
        Stores.shopify(bikes.shop, "orders/create", "event-of-the-next-order",
                Orders.shopify("o-1", null, null, "p-bike-500", "799.00")).then().statusCode(200);

        Stores.shopify(bikes.shop, "orders/create", "event-of-the-next-order",
                Orders.shopify("o-2", null, null, "p-helmet", "49.00")).then().statusCode(200)
                .body("result", equalTo("processed"));

        assertThat(Redis.command("HLEN", "triad:{event-ids.myshopify.com}:orders")).isEqualTo(":2");
    }
}
