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

    Limits limits();

    Shopify shopify();

    Privacy privacy();

    Events events();

    Rebuild rebuild();

    LocalRedis localRedis();

    Demo demo();

    Bench bench();

    /**
     * Triad's own public address (https://offers.example.com), for links Triad hands out to be followed later:
     * the claim links of e-mailed offers. Unset: e-mailed offers link to the store at the usual prices.
     */
    Optional<String> publicUrl();

    Klaviyo klaviyo();

    interface Klaviyo {
        /** Klaviyo's API (tests point it at WireMock). */
        @WithDefault("https://a.klaviyo.com")
        String url();

        /** The first pause before a throttled (429) or failed (5xx, no answer) event is sent again; it doubles each time. */
        @WithDefault("1s")
        Duration retryAfter();

        /** How many times an event is tried in all before it is given up (and logged). */
        @WithDefault("6")
        int attempts();
    }

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

        /**
         * How long a bundle's discount can be claimed after the answer that offered it (its offer token's
         * life; a limited-time offer's ends with its countdown).
         */
        @WithDefault("24h")
        Duration discountValidFor();
    }

    /**
     * Largest request bodies, in bytes after decompression, enforced while they stream in and before
     * any key or signature is checked (the offer path's own: {@code triad.offers.max-body-bytes}).
     */
    interface Limits {
        /** Storefront events ({@code /v1/shops/{shop}/events}). */
        @WithDefault("8192")
        long eventBytes();

        /** Webhook deliveries (Shopify's largest orders and products stay well below this). */
        @WithDefault("2097152")
        long webhookBytes();

        /** Admin JSON bodies: shops, products, privacy requests. */
        @WithDefault("1048576")
        long adminBytes();

        /** Order and catalog imports, streamed (authenticated before more than the first 10 KiB are read). */
        @WithDefault("4294967296")
        long importBytes();
    }

    interface Shopify {
        /** The Shopify app's client secret ({@code TRIAD_SHOPIFY_API_SECRET}): webhook HMAC and App Proxy signature. */
        Optional<String> apiSecret();

        /** How far an App Proxy request's signed timestamp may be from now. */
        @WithDefault("90s")
        Duration proxyClockSkew();

        /** The Shopify app's client id ({@code TRIAD_SHOPIFY_API_KEY}): the audience of App Bridge session tokens. */
        Optional<String> apiKey();

        /**
         * Key that encrypts shops' Admin API access tokens at rest (AES-256-GCM; {@code TRIAD_SHOPIFY_TOKEN_KEY},
         * 32 bytes in base64). Without it the app cannot be installed.
         */
        Optional<String> tokenKey();

        /** Where a shop's Admin API answers; {@code {shop}} stands for its myshopify.com domain. */
        @WithDefault("https://{shop}")
        String adminUrl();

        /** The Admin API version Triad asks for. */
        @WithDefault("2025-10")
        String apiVersion();

        /**
         * How often this process reconciles every shop that installed the app with what Shopify changed
         * since (0: never; a deployment without a long-running process calls the reconcile route instead).
         */
        @WithDefault("15m")
        Duration reconcileEvery();

        /** How far a session token's {@code exp} and {@code nbf} may be off this server's clock. */
        @WithDefault("10s")
        Duration sessionTokenSkew();
    }

    interface Privacy {
        /**
         * Key of the keyed hash that stands for session and customer ids in Redis ({@code TRIAD_HASH_KEY});
         * unset: derived from the operator key. Changing it forgets dismissals and customer histories.
         */
        Optional<String> hashKey();
    }

    interface Events {
        /** How long a dismissed offer stays hidden from that session or customer. */
        @WithDefault("7d")
        Duration dismissFor();

        /** How long after an offered item was added to a cart an order containing it counts as won by Triad. */
        @WithDefault("7d")
        Duration attributionWindow();

        /**
         * Most visitors (sessions and customers) a shop begins to remember dismissals and adds of in a
         * day; past it, that day's new visitors' dismissals are counted but not remembered. Bounds what
         * the public key can store: at most this many visitors a day, 200 products each.
         */
        @WithDefault("50000")
        int maxVisitorsRememberedPerDay();

        /**
         * How long after an offer answer its events (impression, click, add, dismiss) still count in the
         * shop's statistics; each counts once per answer (and offer tier).
         */
        @WithDefault("2h")
        Duration requestIdValidFor();

        /** How long daily statistics are kept. */
        @WithDefault("400d")
        Duration statsKeptFor();
    }

    interface Rebuild {
        /**
         * Lease of a shop's rebuild lock, renewed every third of it while the rebuild runs: when a
         * rebuild's process dies, its lock lets go after this, and the orders parked meanwhile are
         * folded in by the shop's next order or rebuild.
         */
        @WithDefault("30s")
        Duration lease();
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
