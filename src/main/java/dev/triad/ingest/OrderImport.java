package dev.triad.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.siegmar.fastcsv.reader.CsvParseException;
import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ProductFacts;
import dev.triad.events.Visitors;
import dev.triad.catalog.NonMerchandise;
import dev.triad.mining.Basket;
import dev.triad.mining.CountStore;
import dev.triad.mining.IncrementalUpdate;
import dev.triad.mining.RebuildService;
import dev.triad.redis.Keys;
import dev.triad.shop.Shop;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Streams an order history into the shop: orders in batches of {@value #BATCH}, each order once
 * (keyed by id, so a re-import changes nothing), unknown products learnt from the lines (title,
 * price, in stock) so that offers work from an order history alone. Before the shop's first
 * rebuild the orders are only logged and a full rebuild publishes the sheets at the end; after it,
 * every batch updates counts and sheets incrementally.
 */
@ApplicationScoped
public class OrderImport {

    static final int BATCH = 500;

    private final CountStore counts;
    private final IncrementalUpdate incremental;
    private final RebuildService rebuild;
    private final CatalogStore catalog;
    private final RedisDataSource redis;
    private final ObjectMapper mapper;
    private final Visitors visitors;
    private final PurchaseHistories histories;

    public OrderImport(CountStore counts, IncrementalUpdate incremental, RebuildService rebuild, CatalogStore catalog,
            RedisDataSource redis, ObjectMapper mapper, Visitors visitors, PurchaseHistories histories) {
        this.visitors = visitors;
        this.histories = histories;
        this.counts = counts;
        this.incremental = incremental;
        this.rebuild = rebuild;
        this.catalog = catalog;
        this.redis = redis;
        this.mapper = mapper;
    }

    public ImportReport importOrders(Shop shop, InputStream body, String contentType) {
        return importOrders(shop, body, contentType, true);
    }

    /**
     * Imports orders; with {@code rebuild} false a shop never rebuilt only logs them, and the sheets are left
     * to a rebuild the caller runs (a plugin sending its history in batches rebuilds once at the end).
     */
    public ImportReport importOrders(Shop shop, InputStream body, String contentType, boolean rebuildAtEnd) {
        long start = System.nanoTime();
        ImportReport report = new ImportReport();
        boolean built = counts.built(shop.id());
        report.update = built ? "incremental" : rebuildAtEnd ? "full-rebuild" : "deferred";
        Batcher batcher = new Batcher(shop.id(), built, report);
        Upload.Stopped stopped = null;
        try (BufferedReader in = Upload.reader(body)) {
            OrderFormats.read(in, contentType, mapper, report, batcher::add);
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            stopped = Upload.stopped(e);
        }
        batcher.flush();
        if (!built && rebuildAtEnd && (stopped == null || report.ordersTaken > 0)) {
            report.rebuild = rebuild.full(shop.id(), shop.settings());
        }
        report.millis = (System.nanoTime() - start) / 1_000_000;
        if (stopped != null) {
            report.stopped = stopped.getMessage();
            throw Upload.incomplete(stopped, "The upload stopped: " + stopped.getMessage() + ". "
                    + (report.lastOrder == null ? "No order was taken."
                            : "Every order up to '" + report.lastOrder + "' was taken (" + report.ordersTaken
                                    + " new); send the file again to take the rest: orders already taken count once."))
                    .withReport(report);
        }
        return report;
    }

    /**
     * Orders that arrive one by one (webhooks): logged, counted and their products' sheets re-ranked
     * at once, whether or not the shop was ever rebuilt. Answers how many were new. An order that
     * does not say when it was placed was placed about now: a webhook comes within seconds.
     */
    public int record(String shop, List<ImportedOrder> orders) {
        Batcher batcher = new Batcher(shop, true, new ImportReport());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        orders.forEach(o -> batcher.add(o.placedOn() != null ? o
                : new ImportedOrder(o.id(), o.customerId(), o.lines(), today)));
        batcher.flush();
        return (int) batcher.report.ordersTaken;
    }

    /** Collects orders and writes them a batch at a time. */
    private final class Batcher {
        private final String shop;
        private final boolean built;
        private final ImportReport report;
        private final List<ImportedOrder> orders = new ArrayList<>(BATCH);
        private final Set<String> knownProducts = new HashSet<>();

        Batcher(String shop, boolean built, ImportReport report) {
            this.shop = shop;
            this.built = built;
            this.report = report;
        }

        void add(ImportedOrder order) {
            orders.add(order);
            report.lastOrder = order.id();
            if (orders.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (orders.isEmpty()) {
                return;
            }
            Map<String, String> skus = resolveSkus();
            List<Basket> baskets = new ArrayList<>(orders.size());
            Map<String, ImportedOrder.Line> latest = new LinkedHashMap<>();
            for (ImportedOrder order : orders) {
                Set<String> products = new LinkedHashSet<>();
                for (ImportedOrder.Line line : order.lines()) {
                    String id = productId(line, skus);
                    products.add(id);
                    latest.put(id, line);
                }
                report.linesSkipped += Math.max(0, products.size() - Basket.MAX_PRODUCTS);
                baskets.add(new Basket(order.id(), List.copyOf(products), visitors.customer(shop, order.customerId()),
                        order.placedOn() == null ? Basket.NO_DAY : order.placedOn().toEpochDay()));
            }
            learnProducts(latest);
            List<Basket> fresh = built ? incremental.apply(shop, baskets) : counts.log(shop, baskets);
            histories.add(shop, fresh);
            report.ordersTaken += fresh.size();
            report.ordersSkipped += baskets.size() - fresh.size();
            // An order Triad already holds (a re-import, or a webhook that came first) takes none of its lines.
            Set<String> taken = new HashSet<>();
            fresh.forEach(b -> taken.add(b.orderId()));
            for (ImportedOrder order : orders) {
                if (!taken.remove(order.id())) {
                    report.linesTaken -= order.lines().size();
                    report.linesSkipped += order.lines().size();
                }
            }
            orders.clear();
        }

        /** Shopify's export names products by SKU only: SKUs the catalog import recorded map to product ids. */
        private Map<String, String> resolveSkus() {
            List<String> skus = orders.stream().flatMap(o -> o.lines().stream())
                    .filter(l -> l.productId() == null && l.sku() != null).map(ImportedOrder.Line::sku)
                    .distinct().toList();
            Map<String, String> resolved = new HashMap<>();
            if (!skus.isEmpty()) {
                redis.hash(String.class).hmget(Keys.skus(shop), skus.toArray(String[]::new)).forEach((sku, id) -> {
                    if (id != null) {
                        resolved.put(sku, id);
                    }
                });
            }
            return resolved;
        }

        private String productId(ImportedOrder.Line line, Map<String, String> skus) {
            if (line.productId() != null) {
                return line.productId();
            }
            if (line.sku() != null) {
                return skus.getOrDefault(line.sku(), skuProductId(line.sku()));
            }
            return "name-" + slug(line.title());
        }

        private void learnProducts(Map<String, ImportedOrder.Line> latest) {
            List<ProductFacts> learnt = new ArrayList<>();
            latest.forEach((id, line) -> {
                if (!NonMerchandise.is(line.title()) && knownProducts.add(id)) {
                    String variant = line.variantId() != null ? line.variantId() : id;
                    String title = line.title() == null || line.title().isBlank() ? id : line.title();
                    learnt.add(new ProductFacts(id, title, null, null, null, null, null,
                            List.of(new ProductFacts.Variant(variant, null,
                                    line.price() == null ? java.math.BigDecimal.ZERO : line.price(), null, true)),
                            List.of(), List.of()));
                }
            });
            if (!learnt.isEmpty()) {
                report.productsLearnt += catalog.putIfAbsent(shop, learnt);
            }
        }
    }

    /** The id an order line naming only an unknown SKU files its product under. */
    public static String skuProductId(String sku) {
        return "sku-" + slug(sku);
    }

    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 120 ? slug.substring(0, 120) : slug;
    }
}
