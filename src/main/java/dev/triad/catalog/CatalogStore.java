package dev.triad.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;


import dev.triad.problem.ProblemException;
import dev.triad.sheet.OfferSheet;
import dev.triad.sheet.SheetCodec;
import dev.triad.store.Keys;
import dev.triad.store.RedisBatches;
import dev.triad.store.StoredJson;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.transactions.OptimisticLockingTransactionResult;
import io.quarkus.redis.datasource.transactions.TransactionalRedisDataSource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

/**
 * Product facts and the sheets they feed. A write replaces the product's facts and sheet and
 * patches every sheet that names the product (found through the reverse index), all in one
 * optimistic transaction: readers see old or new sheets whole, and a concurrent write to any of
 * those sheets makes this one retry rather than be lost.
 */
@ApplicationScoped
public class CatalogStore {

    private static final int ATTEMPTS = 16;

    private final RedisDataSource redis;
    private final RedisBatches batches;
    private final StoredJson stored;
    private final SheetCodec sheets;

    public CatalogStore(RedisDataSource redis, RedisBatches batches, StoredJson stored, SheetCodec sheets) {
        this.redis = redis;
        this.batches = batches;
        this.stored = stored;
        this.sheets = sheets;
    }

    public Optional<ProductFacts> find(String shop, String id) {
        return Optional.ofNullable(stored.read(redis.value(String.class).get(Keys.product(shop, id)), ProductFacts.class));
    }

    public Optional<OfferSheet> sheet(String shop, String id) {
        return Optional.ofNullable(sheets.readStored(redis.value(byte[].class).get(Keys.sheet(shop, id))));
    }

    /** Facts of every product of the shop, by id (for a rebuild: the catalog fits in memory, the orders need not). */
    public Map<String, ProductFacts> all(String shop) {
        return findAll(shop, redis.set(String.class).smembers(Keys.products(shop)));
    }

    /** Facts of those of {@code ids} that exist. */
    public Map<String, ProductFacts> findAll(String shop, Collection<String> ids) {
        Map<String, ProductFacts> facts = new HashMap<>(ids.size() * 2);
        List<String> list = new ArrayList<>(ids);
        var values = redis.value(String.class);
        for (int from = 0; from < list.size(); from += 500) {
            String[] keys = list.subList(from, Math.min(list.size(), from + 500)).stream()
                    .map(id -> Keys.product(shop, id)).toArray(String[]::new);
            values.mget(keys).forEach((key, json) -> {
                ProductFacts f = stored.read(json, ProductFacts.class);
                if (f != null) {
                    facts.put(f.id(), f);
                }
            });
        }
        return facts;
    }

    /**
     * Stores facts for products that have none yet (learnt from order lines); existing facts win.
     * One pipelined round trip per few hundred products; answers how many were created.
     */
    public int putIfAbsent(String shop, Collection<ProductFacts> products) {
        List<Request> writes = new ArrayList<>(products.size() * 2);
        for (ProductFacts p : products) {
            writes.add(Request.cmd(Command.SET).arg(Keys.product(shop, p.id())).arg(stored.write(p)).arg("NX"));
            writes.add(Request.cmd(Command.SADD).arg(Keys.products(shop)).arg(p.id()));
        }
        int created = 0;
        List<io.vertx.mutiny.redis.client.Response> replies = batches.send(writes);
        for (int i = 0; i < replies.size(); i += 2) {
            created += replies.get(i) == null ? 0 : 1;
        }
        return created;
    }

    /**
     * Replaces the facts of many products at once (a catalog import) and records their SKUs;
     * sheets are left to the rebuild that follows.
     */
    public void putAll(String shop, List<ProductFacts> products, List<Map.Entry<String, String>> skus) {
        List<Request> writes = new ArrayList<>(products.size() * 2 + skus.size());
        for (ProductFacts p : products) {
            writes.add(Request.cmd(Command.SET).arg(Keys.product(shop, p.id())).arg(stored.write(p)));
            writes.add(Request.cmd(Command.SADD).arg(Keys.products(shop)).arg(p.id()));
        }
        for (Map.Entry<String, String> sku : skus) {
            writes.add(Request.cmd(Command.HSET).arg(Keys.skus(shop)).arg(sku.getKey()).arg(sku.getValue()));
        }
        batches.send(writes);
    }

    /** Stores {@code product}, rebuilds its sheet and patches every sheet naming it; returns its new sheet. */
    public OfferSheet put(String shop, ProductFacts product) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            OptimisticLockingTransactionResult<Change> result = redis.withTransaction(
                    ds -> prepare(ds, shop, product.id(), product),
                    (change, tx) -> apply(tx, shop, change),
                    Keys.product(shop, product.id()), Keys.sheet(shop, product.id()), Keys.namedBy(shop, product.id()));
            if (!result.discarded()) {
                return result.getPreTransactionResult().sheet;
            }
        }
        throw ProblemException.unavailable("Too many concurrent writes to this shop's catalog; try again");
    }

    /** Deletes a product; it disappears from every other sheet. False when it did not exist. */
    public boolean delete(String shop, String id) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            OptimisticLockingTransactionResult<Change> result = redis.withTransaction(
                    ds -> prepare(ds, shop, id, null),
                    (change, tx) -> apply(tx, shop, change),
                    Keys.product(shop, id), Keys.sheet(shop, id), Keys.namedBy(shop, id));
            if (!result.discarded()) {
                return result.getPreTransactionResult().existed;
            }
        }
        throw ProblemException.unavailable("Too many concurrent writes to this shop's catalog; try again");
    }

    /** Everything one write changes, computed from reads made under WATCH. {@code product} null: a delete. */
    private record Change(String id, ProductFacts product, OfferSheet sheet, OfferSheet previous,
            Map<String, OfferSheet> patched, boolean existed) {
    }

    private Change prepare(RedisDataSource ds, String shop, String id, ProductFacts product) {
        var values = ds.value(String.class);
        boolean existed = values.get(Keys.product(shop, id)) != null;
        var sheetValues = ds.value(byte[].class);
        OfferSheet previous = this.sheets.readStored(sheetValues.get(Keys.sheet(shop, id)));
        List<String> referrers = new ArrayList<>(ds.set(String.class).smembers(Keys.namedBy(shop, id)));
        referrers.remove(id);
        Map<String, OfferSheet> patched = new HashMap<>();
        if (!referrers.isEmpty()) {
            ds.execute("WATCH", referrers.stream().map(r -> Keys.sheet(shop, r)).toArray(String[]::new));
            Map<String, byte[]> stored = sheetValues.mget(referrers.stream().map(r -> Keys.sheet(shop, r)).toArray(String[]::new));
            for (String referrer : referrers) {
                OfferSheet sheet = sheets.readStored(stored.get(Keys.sheet(shop, referrer)));
                if (sheet != null) {
                    patched.put(referrer, product == null ? sheet.without(id)
                            : sheet.patched(id, prev -> product.asCandidate(prev, prev == null || prev.pinned())));
                }
            }
        }
        OfferSheet sheet = null;
        if (product != null) {
            Set<String> pins = new HashSet<>(product.complements());
            pins.addAll(product.upgrades());
            pins.remove(id);
            Map<String, ProductFacts> known = new HashMap<>();
            if (!pins.isEmpty()) {
                Map<String, String> facts = values.mget(pins.stream().map(p -> Keys.product(shop, p)).toArray(String[]::new));
                for (String pin : pins) {
                    ProductFacts f = stored.read(facts.get(Keys.product(shop, pin)), ProductFacts.class);
                    if (f != null) {
                        known.put(pin, f);
                    }
                }
            }
            sheet = SheetBuilder.build(product, known, previous);
        }
        return new Change(id, product, sheet, previous, patched, existed);
    }

    private void apply(TransactionalRedisDataSource tx, String shop, Change change) {
        var values = tx.value(String.class);
        var sheetValues = tx.value(byte[].class);
        var sets = tx.set(String.class);
        String id = change.id();
        Set<String> nowNamed = change.sheet == null ? Set.of() : change.sheet.namedProducts();
        if (change.previous != null) {
            for (String gone : change.previous.namedProducts()) {
                if (!nowNamed.contains(gone)) {
                    sets.srem(Keys.namedBy(shop, gone), id);
                }
            }
        }
        for (String named : nowNamed) {
            sets.sadd(Keys.namedBy(shop, named), id);
        }
        for (Map.Entry<String, OfferSheet> e : change.patched.entrySet()) {
            sheetValues.set(Keys.sheet(shop, e.getKey()), sheets.write(e.getValue()));
            if (!e.getValue().namedProducts().contains(id)) {
                sets.srem(Keys.namedBy(shop, id), e.getKey());
            }
        }
        if (change.product == null) {
            tx.key().del(Keys.product(shop, id), Keys.sheet(shop, id));
            sets.srem(Keys.products(shop), id);
        } else {
            values.set(Keys.product(shop, id), stored.write(change.product));
            sheetValues.set(Keys.sheet(shop, id), sheets.write(change.sheet));
            sets.sadd(Keys.products(shop), id);
        }
    }

}
