package dev.triad.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triad.redis.Keys;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The session tally counts each session once and never holds Redis with one long script. */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class SessionTallyTest {

    @Inject
    SessionTally tally;

    @Test
    void shouldCountEachNewSessionOnceWritingThemInScriptsOfAtMost16() throws InterruptedException {
        String shop = "tally.example";
        long scriptsBefore = Redis.calls("eval");
        for (int i = 0; i < 200; i++) {
            tally.record(shop, "s-visitor-" + i, false);
        }
        tally.flush();

        assertThat(exposedSessions(shop, 200)).isEqualTo(200);
        assertThat(Redis.calls("eval") - scriptsBefore).as("200 sessions in scripts of 16").isGreaterThanOrEqualTo(13);

        long scriptsAfter = Redis.calls("eval");
        for (int i = 0; i < 200; i++) {
            tally.record(shop, "s-visitor-" + i, false);
        }
        tally.flush();
        Thread.sleep(200);
        assertThat(Redis.calls("eval")).as("sessions seen minutes ago are not written again").isEqualTo(scriptsAfter);
        assertThat(exposedSessions(shop, 200)).isEqualTo(200);
    }

    /** The day's count of exposed sessions, once it reaches {@code expected} or after 5 s. */
    private static long exposedSessions(String shop, long expected) throws InterruptedException {
        String key = Keys.stats(shop, Keys.day(Instant.now()));
        long count = 0;
        for (int i = 0; i < 100 && count < expected; i++) {
            String value = Redis.command("HGET", key, "sessions.exposed"); // "$-1": not there yet
            count = value == null || !value.matches("\\d+") ? 0 : Long.parseLong(value);
            if (count < expected) {
                Thread.sleep(50);
            }
        }
        return count;
    }
}
