package dev.triad;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged server carries what a storefront and an operator use, and no more. */
@QuarkusIntegrationTest
@QuarkusTestResource(RedisTestResource.class)
class PackagedServerIT {

    @Test
    void shouldAnswerHealthButNotServeTheOpenApiDocumentWhichOnlyTheTestsServerCarries() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(404);
    }
}
