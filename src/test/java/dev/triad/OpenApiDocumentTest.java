package dev.triad;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed API description ({@code docs/openapi.yaml}) is the one the code serves: a change
 * to a route, a body or an answer that is not carried into the document fails here. To carry it:
 * {@code cp target/openapi/openapi.yaml docs/openapi.yaml} after a test run.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class OpenApiDocumentTest {

    @Test
    void shouldServeExactlyTheCommittedOpenApiDocument() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();

        assertThat(served.strip())
                .as("docs/openapi.yaml differs from the served document: cp target/openapi/openapi.yaml docs/")
                .isEqualTo(Files.readString(Path.of("docs", "openapi.yaml")).strip());
    }
}
