package dev.triad.shop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Orders;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * No key or secret reaches the log, whatever the request: every log record the application writes
 * while keys and signatures are used, right and wrong, is captured in process and searched.
 * (In process only: the packaged jar's log is another process's.)
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class SecretsNotLoggedTest {

    static final String WOO_SECRET = "woo-secret-never-logged";

    @Test
    void shouldNeverWriteASecretToTheLog() {
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " "
                        + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            BikeShop shop = BikeShop.register("secrets.myshopify.com");
            Stores.register("secrets-woo.example", "woocommerce", Map.of("webhookSecret", WOO_SECRET));
            Stores.shopify(shop.shop, "orders/create", "e-1", Orders.shopify("1", "555", "tok", "p-bike-500", "799.00"))
                    .then().statusCode(200);
            Stores.shopify(shop.shop, "orders/create", "e-2", Orders.shopify("2", "555", "tok", "p-bike-500", "799.00"),
                    "wrong-secret").then().statusCode(401);
            Stores.woo("secrets-woo.example", "order.created", Stores.fixture("woocommerce/order.json"), "wrong")
                    .then().statusCode(401);
            given().header("Authorization", "Bearer " + shop.adminKey + "x").get("/admin/v1/shops/{shop}", shop.shop)
                    .then().statusCode(401);
            given().header("X-Triad-Key", shop.publishableKey + "x").contentType(ContentType.JSON)
                    .body(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")))
                    .post("/v1/shops/{shop}/offers", shop.shop).then().statusCode(401);

            String all = String.join("\n", logged);
            assertThat(all).as("the refused deliveries are logged").contains("Refused a Shopify")
                    .contains("Refused a WooCommerce");
            for (String secret : List.of(shop.adminKey, RedisTestResource.OPERATOR_KEY, RedisTestResource.SHOPIFY_SECRET,
                    WOO_SECRET)) {
                assertThat(all).doesNotContain(secret);
            }
        } finally {
            root.removeHandler(capture);
        }
    }
}
