package dev.triad.webhook;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.problem.ProblemException;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

/**
 * Binds each Shopify-wide id (an order, a product, a store) to the first shop a signed delivery
 * carried it for. Shopify's ids are unique across every store, so a signed body replayed under
 * another shop's name carries an id that is already another shop's, and is refused.
 */
@ApplicationScoped
public class ShopifyOwners {

    /** KEYS[1] the id's owner key; ARGV shop, seconds to keep. Answers the owner. */
    static final String CLAIM = """
            local owner = redis.call('GET', KEYS[1])
            if owner then
              if owner == ARGV[1] then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
              return owner
            end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            return ARGV[1]
            """;

    /** Longer than Shopify's 48 hours of retries and than any replay worth making; renewed at each delivery. */
    static final Duration KEPT_FOR = Duration.ofDays(400);

    private final RedisBatches redis;

    public ShopifyOwners(RedisBatches redis) {
        this.redis = redis;
    }

    /**
     * Refuses (403) when the {@code kind} id {@code id} already belongs to a shop other than
     * {@code shop}. Shopify's ids are numbers: any other id cannot have come from one of its stores
     * and binds nothing.
     */
    void claim(String kind, String id, String shop) {
        if (id.isEmpty() || id.length() > 20 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return;
        }
        String owner = redis.send(Request.cmd(Command.EVAL).arg(CLAIM).arg(1).arg(Keys.shopifyOwner(kind, id))
                .arg(shop).arg(KEPT_FOR.toSeconds())).toString();
        if (!owner.equals(shop)) {
            throw ProblemException.forbidden("X-Shopify-Shop-Domain",
                    "This signed body's " + kind + " " + id + " belongs to another shop, not to " + shop);
        }
    }
}
