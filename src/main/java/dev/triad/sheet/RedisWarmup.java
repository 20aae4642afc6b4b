package dev.triad.sheet;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Opens the first Redis connection while the process starts (on Lambda: during init), so that the
 * first offer request does not spend its few milliseconds of budget on a TCP/TLS handshake and
 * answer {@code degraded}. A Redis that is down only delays start-up by the timeout below.
 */
@ApplicationScoped
public class RedisWarmup {

    private static final Logger LOG = Logger.getLogger(RedisWarmup.class);

    void warm(@Observes @Priority(15) StartupEvent event, Redis redis) {
        try {
            redis.send(Request.cmd(Command.PING)).await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.warnf("Redis did not answer at start-up (%s); offers answer degraded until it does", e.toString());
        }
    }
}
