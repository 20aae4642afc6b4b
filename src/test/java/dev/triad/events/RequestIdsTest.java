package dev.triad.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The signed request ids of offer answers, as events check them (the application's own bean and key). */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class RequestIdsTest {

    @Inject
    RequestIds requestIds;

    @Test
    void shouldStopCountingAnAnswersEventsTwoHoursAfterTheAnswer() {
        long now = java.time.Instant.now().getEpochSecond();
        String id = requestIds.mint("hours.example", now);

        assertThat(requestIds.valid("hours.example", id, now + 7_199)).isTrue();
        assertThat(requestIds.valid("hours.example", id, now + 7_201)).isFalse();
    }

    @Test
    void shouldRefuseAnIdMintedForAnotherShopOrAlteredInAnyDigit() {
        long now = java.time.Instant.now().getEpochSecond();
        String id = requestIds.mint("digits.example", now);

        assertThat(requestIds.valid("digits-other.example", id, now)).isFalse();
        for (int i = 0; i < id.length(); i++) {
            char altered = id.charAt(i) == '0' ? '1' : '0';
            assertThat(requestIds.valid("digits.example", id.substring(0, i) + altered + id.substring(i + 1), now))
                    .as("digit " + i + " altered").isFalse();
        }
    }
}
