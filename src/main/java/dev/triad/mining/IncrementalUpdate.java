package dev.triad.mining;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ProductFacts;
import dev.triad.problem.ProblemException;
import dev.triad.redis.Keys;
import dev.triad.redis.StoredJson;
import dev.triad.sheet.OfferSheet;
import dev.triad.sheet.SheetCodec;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.transactions.OptimisticLockingTransactionResult;

/**
 * New orders after a rebuild: each batch logs its orders, adds them to the counts and re-mines the
 * complements of the products they hold, in one optimistic transaction — an order is counted once
 * or not at all. While a full rebuild runs, orders wait in the pending hash instead and
 * {@link #foldPending} brings them in when it ends.
 */
@ApplicationScoped
public class IncrementalUpdate {

    private static final int ATTEMPTS = 32;

    /** Per-shop lanes (shops share a lane by hash): one order batch of a shop at a time in this process. */
    private final ReentrantLock[] lanes = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new ReentrantLock())
            .toArray(ReentrantLock[]::new);

    private final RedisDataSource redis;
    private final StoredJson stored;
    private final SheetCodec sheetCodec;
    private final CatalogStore catalog;

    public IncrementalUpdate(RedisDataSource redis, StoredJson stored, SheetCodec sheetCodec, CatalogStore catalog) {
        this.redis = redis;
        this.stored = stored;
        this.sheetCodec = sheetCodec;
        this.catalog = catalog;
    }

    /**
     * Applies the orders of {@code baskets} not seen before; answers those that were new. Orders parked
     * by a rebuild that never finished (its process died, its lock's lease ran out) are folded in
     * first, so that no acknowledged order waits for long.
     */
    public List<Basket> apply(String shop, List<Basket> baskets) {
        if (redis.key().exists(Keys.pendingOrders(shop))) {
            foldPending(shop); // a no-op while a live rebuild holds the lock
        }
        return apply(shop, baskets, false);
    }

    /** Brings in the orders that arrived during a rebuild. */
    public void foldPending(String shop) {
        Map<String, String> pending = redis.hash(String.class).hgetall(Keys.pendingOrders(shop));
        List<Basket> baskets = new ArrayList<>();
        pending.forEach((id, encoded) -> baskets.add(Basket.decode(id, encoded)));
        for (int from = 0; from < baskets.size(); from += 500) {
            apply(shop, baskets.subList(from, Math.min(baskets.size(), from + 500)), true);
        }
    }

    private List<Basket> apply(String shop, List<Basket> baskets, boolean fromPending) {
        // One shop's orders are applied one batch at a time in this process: concurrent deliveries
        // would otherwise invalidate each other's transactions (they touch the same counts) and run
        // out of attempts. Across processes the optimistic transaction still decides.
        ReentrantLock lane = lanes[(shop.hashCode() & 0x7fffffff) % lanes.length];
        lane.lock();
        try {
            return attempt(shop, baskets, fromPending);
        } finally {
            lane.unlock();
        }
    }

    private List<Basket> attempt(String shop, List<Basket> baskets, boolean fromPending) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            OptimisticLockingTransactionResult<Plan> result = redis.withTransaction(
                    ds -> plan(ds, shop, baskets, fromPending),
                    (plan, tx) -> plan.write(tx, shop, fromPending),
                    Keys.rebuildLock(shop), Keys.orders(shop), Keys.pendingOrders(shop));
            if (!result.discarded()) {
                return result.getPreTransactionResult().fresh;
            }
        }
        throw ProblemException.unavailable("Too many concurrent order writes for this shop; try again");
    }

    private Plan plan(RedisDataSource ds, String shop, List<Basket> baskets, boolean fromPending) {
        boolean rebuilding = ds.value(String.class).get(Keys.rebuildLock(shop)) != null;
        List<Basket> fresh = fresh(ds, shop, baskets, rebuilding && !fromPending);
        Plan plan = new Plan(fresh, rebuilding, baskets.stream().map(Basket::orderId).distinct().toList());
        if (rebuilding || fresh.isEmpty()) {
            return plan;
        }
        Map<String, Map<String, Integer>> pairDeltas = new LinkedHashMap<>();
        for (Basket b : fresh) {
            for (String a : b.productIds()) {
                plan.itemDeltas.merge(a, 1, Integer::sum);
                Map<String, Integer> row = pairDeltas.computeIfAbsent(a, k -> new HashMap<>());
                for (String other : b.productIds()) {
                    if (!other.equals(a)) {
                        row.merge(other, 1, Integer::sum);
                    }
                }
            }
        }
        List<String> touched = new ArrayList<>(plan.itemDeltas.keySet());
        String[] rowKeys = touched.stream().map(id -> Keys.pairs(shop, id)).toArray(String[]::new);
        String[] sheetKeys = touched.stream().map(id -> Keys.sheet(shop, id)).toArray(String[]::new);
        ds.execute("WATCH", rowKeys);
        ds.execute("WATCH", sheetKeys);
        ds.execute("WATCH", Keys.counts(shop));
        Map<String, String> rows = ds.value(String.class).mget(rowKeys);
        Map<String, byte[]> sheets = ds.value(byte[].class).mget(sheetKeys);
        Map<String, Integer> before = counts(ds, shop, touched);
        Set<String> needed = new LinkedHashSet<>(touched);
        for (String id : touched) {
            PairRow row = PairRow.decode(rows.get(Keys.pairs(shop, id))).plus(pairDeltas.get(id));
            plan.rows.put(id, row);
            plan.counts.put(id, before.get(id) + plan.itemDeltas.get(id));
            needed.addAll(SheetMiner.rankedPartners(row));
        }
        Map<String, ProductFacts> facts = facts(ds, shop, needed);
        for (ProductFacts f : List.copyOf(facts.values())) {
            if (touched.contains(f.id())) {
                needed.addAll(f.complements());
                needed.addAll(f.upgrades());
            }
        }
        facts.putAll(facts(ds, shop, needed));
        Set<String> partners = new LinkedHashSet<>(needed);
        partners.removeAll(touched);
        Map<String, Integer> orderCounts = counts(ds, shop, partners);
        orderCounts.putAll(plan.counts);
        // How often products are bought again is learnt by rebuilds: kept from the sheets being re-mined.
        Map<String, Integer> repeatDays = new HashMap<>();
        SheetMiner miner = new SheetMiner(0, catalog.rules(shop), p -> repeatDays.getOrDefault(p, 0));
        for (String id : touched) {
            ProductFacts product = facts.get(id);
            if (product != null) {
                OfferSheet previous = sheetCodec.readStoredOrNull(sheets.get(Keys.sheet(shop, id)));
                if (previous != null) {
                    previous.complements().forEach(c -> repeatDays.put(c.productId(), c.repeatDays()));
                }
                plan.sheets.put(id, miner.refreshComplements(product, plan.rows.get(id), plan.counts.get(id),
                        orderCounts::get, facts::get, previous));
            }
        }
        rescoreReferrers(ds, shop, plan, before);
        return plan;
    }

    /**
     * The sheets this batch does not re-mine that name a product it moved to a new popularity class
     * ({@link AssociationScore#popularityClass}): that partner's score in them changes, nothing else.
     */
    private void rescoreReferrers(RedisDataSource ds, String shop, Plan plan, Map<String, Integer> before) {
        Map<String, Integer> reclassed = new HashMap<>();
        plan.counts.forEach((id, count) -> {
            if (AssociationScore.popularityClass(before.get(id)) != AssociationScore.popularityClass(count)) {
                reclassed.put(id, count);
            }
        });
        if (reclassed.isEmpty()) {
            return;
        }
        String[] namedBy = reclassed.keySet().stream().map(id -> Keys.namedBy(shop, id)).toArray(String[]::new);
        var sets = ds.set(String.class);
        // The client's SUNION insists on two keys or more.
        Set<String> referrers = new LinkedHashSet<>(namedBy.length == 1 ? sets.smembers(namedBy[0]) : sets.sunion(namedBy));
        referrers.removeAll(plan.counts.keySet());
        if (referrers.isEmpty()) {
            return;
        }
        String[] sheetKeys = referrers.stream().map(id -> Keys.sheet(shop, id)).toArray(String[]::new);
        ds.execute("WATCH", sheetKeys);
        Map<String, byte[]> stored = ds.value(byte[].class).mget(sheetKeys);
        Map<String, Integer> referrerCounts = counts(ds, shop, referrers);
        for (String referrer : referrers) {
            OfferSheet sheet = sheetCodec.readStoredOrNull(stored.get(Keys.sheet(shop, referrer)));
            if (sheet == null) {
                continue;
            }
            int countA = referrerCounts.get(referrer);
            OfferSheet rescored = sheet.rescored(c -> {
                Integer countB = reclassed.get(c.productId());
                return countB == null ? c.score() : AssociationScore.score(c.pairCount(), countA, countB);
            });
            if (!rescored.equals(sheet)) {
                plan.sheets.put(referrer, rescored);
            }
        }
    }

    /** Orders holding each of {@code ids} so far (0 for a product never ordered). */
    private static Map<String, Integer> counts(RedisDataSource ds, String shop, Collection<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        ds.hash(String.class).hmget(Keys.counts(shop), ids.toArray(String[]::new))
                .forEach((id, count) -> counts.put(id, count == null ? 0 : Integer.parseInt(count)));
        ids.forEach(id -> counts.putIfAbsent(id, 0));
        return counts;
    }

    /** The orders of {@code baskets} not logged yet (nor pending), each once. */
    private static List<Basket> fresh(RedisDataSource ds, String shop, List<Basket> baskets, boolean checkPending) {
        Map<String, Basket> unique = new LinkedHashMap<>();
        baskets.forEach(b -> unique.putIfAbsent(b.orderId(), b));
        String[] ids = unique.keySet().toArray(String[]::new);
        Map<String, String> logged = ds.hash(String.class).hmget(Keys.orders(shop), ids);
        Map<String, String> pending = checkPending ? ds.hash(String.class).hmget(Keys.pendingOrders(shop), ids) : Map.of();
        List<Basket> fresh = new ArrayList<>();
        for (Basket b : unique.values()) {
            if (logged.get(b.orderId()) == null && pending.get(b.orderId()) == null) {
                fresh.add(b);
            }
        }
        return fresh;
    }

    private Map<String, ProductFacts> facts(RedisDataSource ds, String shop, Set<String> ids) {
        Map<String, ProductFacts> facts = new HashMap<>();
        if (ids.isEmpty()) {
            return facts;
        }
        ds.value(String.class).mget(ids.stream().map(id -> Keys.product(shop, id)).toArray(String[]::new))
                .values().forEach(json -> {
                    ProductFacts f = stored.read(json, ProductFacts.class);
                    if (f != null) {
                        facts.put(f.id(), f);
                    }
                });
        return facts;
    }

    /** What one batch writes, computed under WATCH. */
    private final class Plan {
        final List<Basket> fresh;
        final boolean rebuilding;
        final List<String> batchIds;
        final Map<String, Integer> itemDeltas = new LinkedHashMap<>();
        final Map<String, PairRow> rows = new HashMap<>();
        final Map<String, Integer> counts = new HashMap<>();
        final Map<String, OfferSheet> sheets = new HashMap<>();

        Plan(List<Basket> fresh, boolean rebuilding, List<String> batchIds) {
            this.fresh = fresh;
            this.rebuilding = rebuilding;
            this.batchIds = batchIds;
        }

        void write(io.quarkus.redis.datasource.transactions.TransactionalRedisDataSource tx, String shop,
                boolean fromPending) {
            var hashes = tx.hash(String.class);
            if (rebuilding) {
                if (!fromPending) {
                    fresh.forEach(b -> hashes.hset(Keys.pendingOrders(shop), b.orderId(), b.encode()));
                }
                return;
            }
            for (Basket b : fresh) {
                hashes.hset(Keys.orders(shop), b.orderId(), b.encode());
            }
            if (fromPending) {
                hashes.hdel(Keys.pendingOrders(shop), batchIds.toArray(String[]::new));
            }
            if (fresh.isEmpty()) {
                return;
            }
            hashes.hincrby(Keys.meta(shop), "orders", fresh.size());
            itemDeltas.forEach((id, delta) -> hashes.hincrby(Keys.counts(shop), id, delta));
            var values = tx.value(String.class);
            rows.forEach((id, row) -> values.set(Keys.pairs(shop, id), row.encode()));
            sheets.forEach((id, sheet) -> {
                tx.value(byte[].class).set(Keys.sheet(shop, id), sheetCodec.write(sheet));
                sheet.namedProducts().forEach(named -> tx.set(String.class).sadd(Keys.namedBy(shop, named), id));
            });
        }
    }
}
