package dev.triad.widget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class WidgetResourceTest {

    static final String STORE = "https://bikes.example";

    @Test
    void shouldServeTheScriptForAYearAtItsVersionedPathUnderTenKilobytesGzipped() throws IOException {
        byte[] script = given().get("/widget/v1/triad.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("Cache-Control", containsString("immutable"))
                .extract().asByteArray();
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(script);
        }
        assertThat(gzipped.size()).as("gzipped bytes").isLessThanOrEqualTo(10 * 1024);
        assertThat(new String(script, java.nio.charset.StandardCharsets.UTF_8)).contains("role: 'dialog'");
    }

    @Test
    void shouldSendTheScriptGzippedToABrowserThatAcceptsIt() {
        given().header("Accept-Encoding", "gzip").get("/widget/v1/triad.js").then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
    }

    @Test
    void shouldAnswerAPreflightFromAnOriginTheShopAllowsAndOnlyThen() {
        BikeShop bikes = BikeShop.register("cors-" + getClass().getSimpleName().toLowerCase() + ".example", Map.of(),
                List.of(STORE));
        for (String route : List.of("offers", "events")) {
            given().header("Origin", STORE).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type,x-triad-key")
                    .options("/v1/shops/{shop}/" + route, bikes.shop).then().statusCode(204)
                    .header("Access-Control-Allow-Origin", STORE)
                    .header("Access-Control-Allow-Headers", containsString("X-Triad-Key"));
            given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                    .options("/v1/shops/{shop}/" + route, bikes.shop).then().statusCode(403)
                    .header("Access-Control-Allow-Origin", nullValue());
        }
        given().header("Origin", STORE).header("X-Triad-Key", bikes.publishableKey).contentType(ContentType.JSON)
                .body(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, "799.00")))
                .post("/v1/shops/{shop}/offers", bikes.shop).then().statusCode(200)
                .header("Access-Control-Allow-Origin", STORE);
    }
}
