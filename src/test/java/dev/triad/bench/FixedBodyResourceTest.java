package dev.triad.bench;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class FixedBodyResourceTest {

    @Test
    void shouldNotServeTheBenchmarkFloorUnlessTurnedOn() {
        given().body("{}").post("/bench/v1/fixed?bytes=100")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("path"));
    }
}
