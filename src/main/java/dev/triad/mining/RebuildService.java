package dev.triad.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import dev.triad.TriadConfig;
import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ShopRules;
import dev.triad.catalog.ProductFacts;
import dev.triad.problem.ProblemException;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.sheet.OfferSheet;
import dev.triad.sheet.SheetCodec;
import dev.triad.shop.SheetRulesChanged;
import dev.triad.shop.ShopSettings;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The full rebuild: order log → co-purchase counts → every product's offer sheet.
 *
 * <p>Memory is bounded by the catalog and its distinct pairs, not by the orders, which are
 * streamed from the log. Sheets are written whole, a few hundred per round trip, as they are
 * computed: a rebuild that dies half-way leaves each product with its old sheet or its new one.
 * Orders that arrive meanwhile wait in a pending hash and are folded in at the end (see
 * {@link IncrementalUpdate}), so none is counted twice or lost.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    static final long WAIT_MILLIS = 5 * 60_000L;

    /** KEYS[1] the lock; ARGV token, lease in ms. Renews the lease if the token still holds it. */
    static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 0
            """;

    /** KEYS[1] the lock; ARGV token. Lets go of the lock if the token still holds it. */
    static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    /**
     * KEYS[1] the parked orders, KEYS[2] the order log. Logs the orders parked under an earlier
     * rebuild's lock (one whose process died before folding them in), so this rebuild counts them.
     */
    static final String LOG_PARKED = """
            local parked = redis.call('HGETALL', KEYS[1])
            for i = 1, #parked, 2 do redis.call('HSETNX', KEYS[2], parked[i], parked[i + 1]) end
            redis.call('DEL', KEYS[1])
            return #parked / 2
            """;

    private final CountStore counts;
    private final CatalogStore catalog;
    private final SheetCodec sheetCodec;
    private final RedisBatches redis;
    private final IncrementalUpdate incremental;
    private final long leaseMillis;
    /** Renews the leases of running rebuilds; created with the bean, at run time. */
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "triad-rebuild-lease");
        thread.setDaemon(true);
        return thread;
    });

    public RebuildService(CountStore counts, CatalogStore catalog, RedisBatches redis, IncrementalUpdate incremental,
            SheetCodec sheetCodec, TriadConfig config) {
        this.leaseMillis = config.rebuild().lease().toMillis();
        this.sheetCodec = sheetCodec;
        this.counts = counts;
        this.catalog = catalog;
        this.redis = redis;
        this.incremental = incremental;
    }

    /** What a rebuild did. */
    public record Report(long orders, int products, int sheets, long pairs, long millis) {
    }

    /** New option names: the sheets' fits are re-mined in the background (a failure is logged; the next rebuild heals it). */
    void onSheetRulesChanged(@ObservesAsync SheetRulesChanged changed) {
        try {
            full(changed.shop(), changed.settings());
        } catch (RuntimeException e) {
            LOG.warnf("Re-mining %s for its new option names failed: %s", changed.shop(), e.getMessage());
        }
    }

    /** Recomputes and publishes every sheet of {@code shop}; waits for a rebuild already running. */
    public Report full(String shop, ShopSettings settings) {
        String token = lock(shop);
        ScheduledFuture<?> lease = renewer.scheduleAtFixedRate(() -> renew(shop, token), leaseMillis / 3,
                leaseMillis / 3, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try {
            logParked(shop);
            CoPurchases mined = new CoPurchases(1 << 16);
            // HSCAN may return an entry twice while the hash is being rehashed: count each order once.
            Set<String> seen = new HashSet<>();
            Map<String, String> aliases = catalog.aliases(shop);
            RepeatPurchases repeats = new RepeatPurchases();
            counts.scan(shop, basket -> {
                if (seen.add(basket.orderId())) {
                    List<String> products = aliases.isEmpty() ? basket.productIds() : liveIds(basket.productIds(), aliases);
                    mined.add(products);
                    repeats.add(new Basket(basket.orderId(), products, basket.customer(), basket.day()));
                }
            });
            Map<String, Integer> repeatDays = repeats.intervals();
            Map<String, ProductFacts> facts = catalog.all(shop);
            UpgradeIndex upgrades = UpgradeIndex.of(facts.values());
            SheetMiner miner = new SheetMiner(settings.stepBandPercent(), ShopRules.of(settings),
                    id -> repeatDays.getOrDefault(id, 0));
            SheetWriter writer = new SheetWriter(shop);
            long[] pairs = {0};
            Set<String> done = new HashSet<>(facts.size() * 2);
            Map<String, Integer> itemCounts = mined.itemCounts();
            ToIntFunction<String> orderCounts = id -> itemCounts.getOrDefault(id, 0);
            mined.forEachRow((id, count, row) -> {
                pairs[0] += row.partners().size();
                writer.row(id, row);
                ProductFacts product = facts.get(id);
                if (product != null) {
                    writer.sheet(miner.sheet(product, row, count, orderCounts, facts::get, upgrades));
                    done.add(id);
                }
            });
            for (ProductFacts product : facts.values()) {
                if (!done.contains(product.id())) {
                    writer.sheet(miner.sheet(product, PairRow.EMPTY, 0, orderCounts, facts::get, upgrades));
                }
            }
            writer.flush();
            long millis = (System.nanoTime() - start) / 1_000_000;
            counts.replaceCounts(shop, itemCounts, mined.orders(), millis);
            if (mined.pairsLeftOut() > 0) {
                LOG.warnf("Shop %s has more than %d distinct co-purchase pairs: %d counts of further pairs were left out",
                        shop, PairCounts.MAX_PAIRS, mined.pairsLeftOut());
            }
            LOG.infof("Rebuilt shop %s: %d orders, %d products, %d sheets in %d ms", shop, mined.orders(),
                    mined.products(), writer.sheets, millis);
            return new Report(mined.orders(), mined.products(), writer.sheets, pairs[0] / 2, millis);
        } finally {
            lease.cancel(false);
            unlock(shop, token);
            incremental.foldPending(shop);
        }
    }


    /** A basket's product ids with those a file gave (a handle, {@code sku-…}) read as the ids live traffic uses. */
    private static List<String> liveIds(List<String> ids, Map<String, String> aliases) {
        List<String> live = new ArrayList<>(ids.size());
        for (String id : ids) {
            String mapped = aliases.getOrDefault(id, id);
            if (!live.contains(mapped)) {
                live.add(mapped);
            }
        }
        return live;
    }

    private void logParked(String shop) {
        redis.send(Request.cmd(Command.EVAL).arg(LOG_PARKED).arg(2).arg(Keys.pendingOrders(shop)).arg(Keys.orders(shop)));
    }

    private String lock(String shop) {
        String token = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            Response set = redis.send(Request.cmd(Command.SET).arg(Keys.rebuildLock(shop)).arg(token)
                    .arg("NX").arg("PX").arg(leaseMillis));
            if (set != null) {
                return token;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ProblemException(409, "rebuild-running", "Rebuild running",
                        "Another rebuild of this shop is still running", null);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.unavailable("Interrupted while waiting for a running rebuild");
            }
        }
    }

    /**
     * Keeps the lock while the rebuild runs. The lease is short, so that the lock of a rebuild whose
     * process died lets go soon; orders parked meanwhile are then folded in by the next order or
     * rebuild of the shop ({@link IncrementalUpdate#apply}).
     */
    private void renew(String shop, String token) {
        try {
            redis.send(Request.cmd(Command.EVAL).arg(RENEW).arg(1).arg(Keys.rebuildLock(shop)).arg(token).arg(leaseMillis));
        } catch (RuntimeException e) {
            LOG.warnf("Could not renew the rebuild lock of %s: %s", shop, e);
        }
    }

    private void unlock(String shop, String token) {
        redis.send(Request.cmd(Command.EVAL).arg(RELEASE).arg(1).arg(Keys.rebuildLock(shop)).arg(token));
    }

    /** Writes rows and sheets in pipelined chunks as the rebuild produces them. */
    private final class SheetWriter {
        private final String shop;
        private final List<Request> pending = new ArrayList<>();
        int sheets;

        SheetWriter(String shop) {
            this.shop = shop;
        }

        void row(String id, PairRow row) {
            add(Request.cmd(Command.SET).arg(Keys.pairs(shop, id)).arg(row.encode()));
        }

        void sheet(OfferSheet sheet) {
            sheets++;
            add(Request.cmd(Command.SET).arg(Keys.sheet(shop, sheet.productId())).arg(sheetCodec.write(sheet)));
            for (String named : sheet.namedProducts()) {
                add(Request.cmd(Command.SADD).arg(Keys.namedBy(shop, named)).arg(sheet.productId()));
            }
        }

        private void add(Request request) {
            pending.add(request);
            if (pending.size() >= 2000) {
                flush();
            }
        }

        void flush() {
            redis.send(pending);
            pending.clear();
        }
    }
}
