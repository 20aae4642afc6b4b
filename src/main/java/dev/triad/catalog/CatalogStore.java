package dev.triad.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.problem.ProblemException;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.redis.StoredJson;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;
import dev.triad.sheet.SheetCodec;
import dev.triad.shop.ShopStore;
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
    /** How long a product's last change time is kept: longer than the platforms retry a delivery (Shopify 48 hours). */
    private static final Duration CHANGES_KEPT = Duration.ofDays(7);

    private final RedisDataSource redis;
    private final RedisBatches batches;
    private final StoredJson stored;
    private final SheetCodec sheets;
    private final ShopStore shops;

    public CatalogStore(RedisDataSource redis, RedisBatches batches, StoredJson stored, SheetCodec sheets,
            ShopStore shops) {
        this.redis = redis;
        this.batches = batches;
        this.stored = stored;
        this.sheets = sheets;
        this.shops = shops;
    }

    /** The shop's rules for its sheets: from its settings when it is registered, else the default. */
    public ShopRules rules(String shop) {
        return shops.find(shop).map(s -> ShopRules.of(s.settings())).orElse(ShopRules.DEFAULT);
    }

    public Optional<ProductFacts> find(String shop, String id) {
        return Optional.ofNullable(stored.read(redis.value(String.class).get(Keys.product(shop, id)), ProductFacts.class));
    }

    public Optional<OfferSheet> sheet(String shop, String id) {
        return Optional.ofNullable(sheets.readStoredOrNull(redis.value(byte[].class).get(Keys.sheet(shop, id))));
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

    /**
     * Records the ids live traffic uses for a product: its handle and its variants' SKUs (Shopify
     * product webhooks carry all three), so that files naming products by handle or SKU (Shopify's
     * product CSV and order export) are read with the same ids.
     */
    public void recordIdentities(String shop, String productId, String handle, Map<String, String> variantBySku,
            List<String> formerIds) {
        List<Request> writes = new ArrayList<>();
        if (handle != null) {
            writes.add(Request.cmd(Command.HSET).arg(Keys.handles(shop)).arg(handle).arg(productId));
        }
        if (!variantBySku.isEmpty()) {
            Request skus = Request.cmd(Command.HSET).arg(Keys.skus(shop));
            Request variants = Request.cmd(Command.HSET).arg(Keys.skuVariants(shop));
            variantBySku.forEach((sku, variant) -> {
                skus.arg(sku).arg(productId);
                variants.arg(sku).arg(variant);
            });
            writes.add(skus);
            writes.add(variants);
        }
        if (!writes.isEmpty()) {
            batches.send(writes);
        }
        replaceFormerIds(shop, productId, formerIds);
    }

    /**
     * Products a file filed under other ids (a handle, {@code sku-…}) that live traffic names {@code productId}:
     * each becomes an alias of it (the next rebuild counts their orders as its), leaves every sheet, and
     * hands the merchant's pins over when the product has none of its own.
     */
    private void replaceFormerIds(String shop, String productId, List<String> formerIds) {
        List<String> others = formerIds.stream().filter(id -> !id.equals(productId)).distinct().toList();
        if (others.isEmpty()) {
            return;
        }
        // One read for them all: on most webhooks none exists.
        Map<String, ProductFacts> existing = findAll(shop, others);
        for (String former : others) {
            ProductFacts old = existing.get(former);
            if (old == null) {
                continue;
            }
            batches.send(Request.cmd(Command.HSET).arg(Keys.aliases(shop)).arg(former).arg(productId));
            if (!old.complements().isEmpty() || !old.upgrades().isEmpty()) {
                update(shop, productId, null, live -> live == null || !live.complements().isEmpty() || !live.upgrades().isEmpty()
                        ? null
                        : new ProductFacts(live.id(), live.title(), live.type(), live.url(), live.image(), live.rating(),
                                live.reviewCount(), live.variants(), old.complements(), old.upgrades()));
            }
            delete(shop, former);
        }
    }

    /** Ids files gave products → the ids live traffic uses for them. */
    public Map<String, String> aliases(String shop) {
        return redis.hash(String.class).hgetall(Keys.aliases(shop));
    }

    /** The ids learnt for {@code handles} (those known), by handle. */
    public Map<String, String> idsOfHandles(String shop, Collection<String> handles) {
        return lookup(Keys.handles(shop), handles);
    }

    /** The variant ids learnt for {@code skus} (those known), by SKU. */
    public Map<String, String> variantsOfSkus(String shop, Collection<String> skus) {
        return lookup(Keys.skuVariants(shop), skus);
    }

    private Map<String, String> lookup(String hash, Collection<String> fields) {
        Map<String, String> found = new HashMap<>();
        List<String> list = new ArrayList<>(fields);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> page = list.subList(from, Math.min(list.size(), from + 500));
            redis.hash(String.class).hmget(hash, page.toArray(String[]::new)).forEach((field, value) -> {
                if (value != null) {
                    found.put(field, value);
                }
            });
        }
        return found;
    }

    /** Stores {@code product}, rebuilds its sheet and patches every sheet naming it; returns its new sheet. */
    public OfferSheet put(String shop, ProductFacts product) {
        return write(shop, product.id(), existing -> product, null).sheet;
    }

    /**
     * Stores what {@code update} makes of the stored facts of {@code id} (null when there are none;
     * it answers null to store nothing), read and written in one transaction, so that two changes
     * of one product at the same moment (a WooCommerce parent and its variations) both land. With a
     * {@code dated} change it is stored only if no later change of that product was: the check and
     * the write are one transaction too, so of two deliveries processed at the same moment the older
     * can never overwrite the newer. Returns the new sheet, or empty when nothing was stored.
     */
    public Optional<OfferSheet> update(String shop, String id, Dated dated, UnaryOperator<ProductFacts> update) {
        return Optional.ofNullable(write(shop, id, update, dated).sheet);
    }

    /** Deletes a product; it disappears from every other sheet. False when it did not exist. */
    public boolean delete(String shop, String id) {
        return delete(shop, id, null);
    }

    /** Deletes a product; updates dated before {@code dated} (or before a later change already stored) are ignored from then on. */
    public boolean delete(String shop, String id, Dated dated) {
        return write(shop, id, null, dated).existed;
    }

    /**
     * When the store changed a product, by the store's clock (or Triad's, for a deletion): deliveries
     * arrive out of order and are retried for up to two days. The same time again passes, so that a
     * retry of a delivery whose effect was not stored is applied; a null time always passes.
     */
    public record Dated(String productId, Instant at) {
    }

    /** {@code update} null: a delete. */
    private Change write(String shop, String id, UnaryOperator<ProductFacts> update, Dated asked) {
        Dated dated = asked == null || asked.at() == null ? null : asked; // an undated change always applies
        List<String> watched = new ArrayList<>(List.of(Keys.product(shop, id), Keys.sheet(shop, id), Keys.namedBy(shop, id)));
        if (dated != null) {
            watched.add(Keys.productChanged(shop, dated.productId()));
        }
        ShopRules rules = update == null ? ShopRules.DEFAULT : rules(shop);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            OptimisticLockingTransactionResult<Change> result = redis.withTransaction(
                    ds -> prepare(ds, shop, id, update, dated, rules),
                    (change, tx) -> apply(tx, shop, change),
                    watched.toArray(String[]::new));
            if (!result.discarded()) {
                return result.getPreTransactionResult();
            }
        }
        throw ProblemException.unavailable("Too many concurrent writes to this shop's catalog; try again");
    }

    /**
     * Everything one write changes, computed from reads made under WATCH: {@code product} null is a
     * delete, {@code skipped} a write that stores nothing; {@code dated} the change time to record.
     */
    private record Change(String id, ProductFacts product, OfferSheet sheet, OfferSheet previous,
            Map<String, OfferSheet> patched, boolean existed, Dated dated, boolean skipped) {

        /** Nothing to store: a later change was stored, or the update asked for nothing. */
        static Change skip(String id, boolean existed) {
            return new Change(id, null, null, null, Map.of(), existed, null, true);
        }
    }

    private Change prepare(RedisDataSource ds, String shop, String id, UnaryOperator<ProductFacts> update, Dated dated,
            ShopRules rules) {
        var values = ds.value(String.class);
        String existing = values.get(Keys.product(shop, id));
        boolean existed = existing != null;
        Instant last = dated == null ? null : storedTime(values.get(Keys.productChanged(shop, dated.productId())));
        if (update != null && last != null && dated.at().isBefore(last)) {
            return Change.skip(id, existed);
        }
        ProductFacts product = update == null ? null : update.apply(existed ? stored.read(existing, ProductFacts.class) : null);
        if (update != null && product == null) {
            return Change.skip(id, existed);
        }
        var sheetValues = ds.value(byte[].class);
        OfferSheet previous = this.sheets.readStoredOrNull(sheetValues.get(Keys.sheet(shop, id)));
        List<String> referrers = new ArrayList<>(ds.set(String.class).smembers(Keys.namedBy(shop, id)));
        referrers.remove(id);
        Map<String, OfferSheet> patched = new HashMap<>();
        if (!referrers.isEmpty()) {
            ds.execute("WATCH", referrers.stream().map(r -> Keys.sheet(shop, r)).toArray(String[]::new));
            Map<String, byte[]> stored = sheetValues.mget(referrers.stream().map(r -> Keys.sheet(shop, r)).toArray(String[]::new));
            for (String referrer : referrers) {
                OfferSheet sheet = sheets.readStoredOrNull(stored.get(Keys.sheet(shop, referrer)));
                if (sheet != null) {
                    patched.put(referrer, product == null ? sheet.without(id)
                            : !rules.offers(product.title()) ? sheet.without(id)
                            : sheet.patched(id, prev -> asList(product.asCandidate(prev, prev == null || prev.pinned())),
                                    prev -> product.asUpgrades(rules.kinds(), prev, prev == null || prev.pinned())));
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
            sheet = ownSheet(product, known, previous, rules);
        }
        // A deletion always applies, and never moves the recorded time back (a store's clock may run ahead of ours).
        Dated recorded = last != null && last.isAfter(dated.at()) ? new Dated(dated.productId(), last) : dated;
        return new Change(id, product, sheet, previous, patched, existed, recorded, false);
    }

    /**
     * The sheet of a product whose facts or pins changed: its pins as they are now, its mined
     * candidates kept from {@code previous} (a rebuild or the next order re-mines them).
     *
     * @param known facts of the products it pins (missing ones are not known yet)
     */
    static OfferSheet ownSheet(ProductFacts product, Map<String, ProductFacts> known, OfferSheet previous,
            ShopRules rules) {
        List<Candidate> minedComplements = previous == null ? List.of() : unpinned(previous.complements(), product);
        List<Candidate> minedUpgrades = previous == null ? List.of() : unpinned(previous.upgrades(), product);
        List<Candidate> pinnedComplements = new ArrayList<>();
        List<Candidate> pinnedUpgrades = new ArrayList<>();
        for (String pin : product.complements()) {
            ProductFacts facts = known.get(pin);
            pinnedComplements.addAll(facts == null ? List.of()
                    : asList(facts.asCandidate(previousComplement(previous, pin), true)));
        }
        for (String pin : product.upgrades()) {
            ProductFacts facts = known.get(pin);
            pinnedUpgrades.addAll(facts == null ? List.of() : facts.asUpgrades(rules.kinds(), null, true));
        }
        return SheetBuilder.build(product, pinnedComplements, minedComplements, pinnedUpgrades, minedUpgrades, rules);
    }

    private static List<Candidate> asList(Candidate candidate) {
        return candidate == null ? List.of() : List.of(candidate);
    }

    private static List<Candidate> unpinned(List<Candidate> candidates, ProductFacts product) {
        return candidates.stream().filter(c -> !c.pinned() && !c.productId().equals(product.id())).toList();
    }

    /** The product's candidate among {@code previous}'s complements: its mined score outlives a pin. */
    private static Candidate previousComplement(OfferSheet previous, String productId) {
        return previous == null ? null
                : previous.complements().stream().filter(c -> c.productId().equals(productId)).findFirst().orElse(null);
    }

    private static Instant storedTime(String epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
    }

    private void apply(TransactionalRedisDataSource tx, String shop, Change change) {
        if (change.skipped) {
            return;
        }
        var values = tx.value(String.class);
        if (change.dated != null) {
            values.setex(Keys.productChanged(shop, change.dated.productId()), CHANGES_KEPT.toSeconds(),
                    Long.toString(change.dated.at().toEpochMilli()));
        }
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
