package dev.triad.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** A shop registered for a test, and the admin calls tests make on it. */
public record Admin(String shop, String publishableKey, String adminKey) {

    public static Admin register(String shop) {
        JsonPath created = given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY)
                .contentType(ContentType.JSON).body(Map.of("platform", "shopify", "currency", "USD"))
                .put("/admin/v1/shops/{shop}", shop).then().statusCode(201).extract().jsonPath();
        return new Admin(shop, created.getString("publishableKey"), created.getString("adminKey"));
    }

    public JsonPath importOrders(String contentType, byte[] body) {
        return given().header("Authorization", "Bearer " + adminKey).contentType(contentType).body(body)
                .post("/admin/v1/shops/{shop}/orders", shop)
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    public JsonPath importOrders(String csv) {
        return importOrders("text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public JsonPath product(String id) {
        return given().header("Authorization", "Bearer " + adminKey)
                .get("/admin/v1/shops/{shop}/products/{id}", shop, id)
                .then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    public JsonPath rebuild() {
        return given().header("Authorization", "Bearer " + adminKey).post("/admin/v1/shops/{shop}/rebuild", shop)
                .then().statusCode(200).extract().jsonPath();
    }
}
