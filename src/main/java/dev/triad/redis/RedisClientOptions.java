package dev.triad.redis;

import jakarta.inject.Singleton;

import io.quarkus.redis.client.RedisOptionsCustomizer;
import io.vertx.redis.client.RedisOptions;

/**
 * A copy of the options Quarkus builds for its default Redis client (hosts, type, TLS, password,
 * timeouts, all from {@code quarkus.redis.*}), so that {@link RedisLanes} can open its own clients
 * configured exactly alike. Changes nothing.
 */
@Singleton
public class RedisClientOptions implements RedisOptionsCustomizer {

    private static final String DEFAULT_CLIENT = "<default>";

    private volatile RedisOptions options;

    @Override
    public void customize(String clientName, RedisOptions options) {
        if (DEFAULT_CLIENT.equals(clientName)) {
            this.options = new RedisOptions(options);
        }
    }

    /** A fresh copy of the default client's options; null before Quarkus created that client. */
    RedisOptions copy() {
        RedisOptions captured = options;
        return captured == null ? null : new RedisOptions(captured);
    }
}
