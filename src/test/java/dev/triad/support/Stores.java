package dev.triad.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import dev.triad.base.Signatures;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Deliveries as Shopify and WooCommerce make them: signed bodies with the platforms' headers. */
public final class Stores {

    public static final Path FIXTURES = Path.of("..", "shared", "data", "fixtures");

    private Stores() {
    }

    /** A fixture's text, e.g. {@code shopify/product.json}; fixtures are part of ../shared/data. */
    public static String fixture(String name) {
        try {
            return Files.readString(FIXTURES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Fixture " + name + " needs ../shared/data beside the project", e);
        }
    }

    public static String sign(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    public static Response shopify(String domain, String topic, String eventId, String body) {
        return shopify(domain, topic, eventId, body, RedisTestResource.SHOPIFY_SECRET);
    }

    public static Response shopify(String domain, String topic, String eventId, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        RequestSpecification request = given().contentType(ContentType.JSON)
                .header("X-Shopify-Hmac-Sha256", sign(secret, bytes)).header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", domain);
        if (eventId != null) {
            request.header("X-Shopify-Event-Id", eventId);
        }
        return request.body(bytes).post("/webhooks/shopify");
    }

    public static Response woo(String shop, String topic, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType(ContentType.JSON).header("X-WC-Webhook-Signature", sign(secret, bytes))
                .header("X-WC-Webhook-Topic", topic).header("X-WC-Webhook-Delivery-ID", "1")
                .body(bytes).post("/webhooks/woocommerce/{shop}", shop);
    }

    /** Registers a shop of {@code platform}; answers its publishable and admin keys. */
    public static Admin register(String shop, String platform, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("platform", platform, "currency", "USD"));
        body.putAll(extra);
        var created = given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .contentType(ContentType.JSON).body(body).put("/admin/v1/shops/{shop}", shop)
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath();
        return new Admin(shop, created.getString("publishableKey"), created.getString("adminKey"));
    }
}
