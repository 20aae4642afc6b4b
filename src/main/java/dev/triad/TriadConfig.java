package dev.triad;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of Triad, with its default. Secrets come only from the environment. */
@ConfigMapping(prefix = "triad")
public interface TriadConfig {

    /** Operator key accepted on every admin route ({@code TRIAD_ADMIN_KEY}); unset: only shops' own admin keys work. */
    Optional<String> adminKey();

    Offers offers();

    LocalRedis localRedis();

    Demo demo();

    Bench bench();

    interface Offers {
        /** How long the offer path waits for Redis before answering {@code degraded} with no offers (1ms-1s). */
        @WithDefault("10ms")
        Duration redisTimeout();

        /** Largest offer request body, in bytes. */
        @WithDefault("65536")
        int maxBodyBytes();

        /** Most lines a cart may have. */
        @WithDefault("100")
        int maxCartLines();
    }

    interface LocalRedis {
        /** Start the redis-server shipped with Triad when {@code QUARKUS_REDIS_HOSTS} is not set (local runs only). */
        @WithDefault("false")
        boolean enabled();

        /** Port of that local Redis; the Redis client is pointed at it. */
        @WithDefault("6379")
        int port();
    }

    interface Demo {
        /** Load the demo shop at start-up (local runs only). */
        @WithDefault("false")
        boolean enabled();

        /** Shop name of the demo shop. */
        @WithDefault("demo")
        String shop();

        /** Publishable key of the demo shop, fixed so that the README's curl works. */
        @WithDefault("pk_demo_triad")
        String publishableKey();
    }

    interface Bench {
        /** Serve the benchmark floor endpoint {@code /bench/v1/fixed} (bench/offers.sh turns it on). */
        @WithDefault("false")
        boolean enabled();
    }
}
