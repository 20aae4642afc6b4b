package dev.triad.shop;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.redis.Keys;
import dev.triad.redis.StoredJson;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.set.SetCommands;
import io.quarkus.redis.datasource.value.ValueCommands;

/** Shop records in Redis, one JSON value per shop under its hash tag. Blocking: admin routes only. */
@ApplicationScoped
public class ShopStore {

    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;
    private final SetCommands<String, String> sets;
    private final StoredJson stored;

    public ShopStore(RedisDataSource redis, StoredJson stored) {
        this.values = redis.value(String.class);
        this.sets = redis.set(String.class);
        this.keys = redis.key(String.class);
        this.stored = stored;
    }

    /** Whether {@code shop} has the Shopify app installed (the shops reconciled on a schedule). */
    public void markShopifyInstalled(String shop, boolean installed) {
        if (installed) {
            sets.sadd(Keys.shopifyInstalled(), shop);
        } else {
            sets.srem(Keys.shopifyInstalled(), shop);
        }
    }

    public Optional<Shop> find(String shop) {
        return Optional.ofNullable(stored.read(values.get(Keys.shop(shop)), Shop.class));
    }

    /** Stores a new shop unless one of that name appeared meanwhile; true when this call created it. */
    public boolean create(Shop shop) {
        return values.setnx(Keys.shop(shop.id()), stored.write(shop));
    }

    public void save(Shop shop) {
        values.set(Keys.shop(shop.id()), stored.write(shop));
    }

    /** Marks a connect token of {@code shop} used for {@code seconds}; false when it had been used already. */
    public boolean useConnectToken(String shop, String tokenDigest, long seconds) {
        String key = Keys.connectTokenUsed(shop, tokenDigest);
        if (!values.setnx(key, "1")) {
            return false;
        }
        keys.expire(key, Math.max(1, seconds));
        return true;
    }

}
