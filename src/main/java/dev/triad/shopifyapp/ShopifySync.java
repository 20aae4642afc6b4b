package dev.triad.shopifyapp;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triad.ingest.CatalogImport;
import dev.triad.ingest.ImportReport;
import dev.triad.ingest.OrderImport;
import dev.triad.mining.RebuildService;
import dev.triad.problem.ProblemException;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopStore;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * A store's catalog and order history read through Admin GraphQL bulk operations
 * ({@code bulkOperationRunQuery}; the result is a JSONL file whose nested objects name their parent in
 * {@code __parentId}, parents first), polled with {@code currentBulkOperation} until it completes, and
 * fed into the imports every other source uses: products, then the orders of the last 60 days (all
 * of them with {@code read_all_orders}), then one rebuild. Ids are Shopify's numeric ids, as
 * webhooks and carts name them, so a second sync of the same data changes nothing. Progress and
 * outcome in {@code triad:{shop}:sync} (shown by {@code GET /admin/v1/shops/{shop}/sync}).
 */
@ApplicationScoped
public class ShopifySync {

    private static final Logger LOG = Logger.getLogger(ShopifySync.class);
    /** The first wait between polls; it doubles up to {@link #MAX_POLL} (the finish webhook cuts it short). */
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration MAX_POLL = Duration.ofSeconds(30);
    static final Duration GIVE_UP = Duration.ofHours(6);

    /** What Triad reads of a Product, a ProductVariant, an Order and a LineItem: one list for the sync and the reconciliation. */
    static final String PRODUCT_FIELDS = "id title handle productType status featuredMedia { preview { image { url } } }";
    static final String VARIANT_FIELDS = "id title price compareAtPrice sku inventoryPolicy inventoryQuantity inventoryItem { tracked } "
            + "selectedOptions { name value }";
    static final String ORDER_FIELDS = "id createdAt cancelledAt displayFinancialStatus customer { id }";
    static final String LINE_ITEM_FIELDS = "quantity sku title product { id } variant { id } "
            + "originalUnitPriceSet { shopMoney { amount } }";

    static final String PRODUCTS = "{ products { edges { node { " + PRODUCT_FIELDS + " variants { edges { node { "
            + VARIANT_FIELDS + " } } } } } } }";
    static final String ORDERS = "{ orders%s { edges { node { " + ORDER_FIELDS + " lineItems { edges { node { "
            + LINE_ITEM_FIELDS + " } } } } } } }";

    private final ShopifyAdmin admin;
    private final AccessTokens accessTokens;
    private final CatalogImport catalog;
    private final OrderImport orders;
    private final RebuildService rebuild;
    private final ShopStore shops;
    private final RedisBatches redis;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();
    /** Shops this process syncs now. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Released by the finish webhook, so a poll waiting for the next round looks at once. */
    private final Map<String, Semaphore> wake = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "triad-shopify-sync");
        thread.setDaemon(true);
        return thread;
    });

    public ShopifySync(ShopifyAdmin admin, AccessTokens accessTokens, CatalogImport catalog, OrderImport orders,
            RebuildService rebuild, ShopStore shops, RedisBatches redis, ObjectMapper mapper) {
        this.rebuild = rebuild;
        this.admin = admin;
        this.accessTokens = accessTokens;
        this.catalog = catalog;
        this.orders = orders;
        this.shops = shops;
        this.redis = redis;
        this.mapper = mapper;
    }

    /**
     * Starts a sync of {@code shop} in the background: the orders of the last 60 days, or all of them
     * when the app holds {@code read_all_orders} (among {@code scopes}).
     */
    public void start(String shop, String scopes) {
        progress(shop, "phase", "queued");
        progress(shop, "scopes", scopes);
        boolean allOrders = Arrays.asList(scopes.split(",")).contains("read_all_orders");
        running.add(shop);
        worker.submit(() -> {
            try {
                run(shop, allOrders);
            } finally {
                running.remove(shop);
            }
        });
    }

    /**
     * Starts the sync of {@code shop} again when one was under way and no process runs it any more (a
     * restart or a retired instance broke it off): every step is idempotent, so it simply starts over.
     */
    public void resumeIfBrokenOff(String shop) {
        Map<String, String> status = status(shop);
        String phase = status.get("phase");
        if (phase != null && !phase.equals("done") && !phase.equals("failed") && !running.contains(shop)) {
            start(shop, status.getOrDefault("scopes", ""));
        }
    }

    /** Shopify's {@code bulk_operations/finish}: the operation the sync of {@code shop} waits for is done; look now. */
    public void finished(String shop) {
        wake.computeIfAbsent(shop, s -> new Semaphore(0)).release();
    }

    /** Where the sync of {@code shop} stands: phase (queued, products, orders, done, failed) and counts. */
    public Map<String, String> status(String shop) {
        Response hash = redis.send(Request.cmd(Command.HGETALL).arg(Keys.shopifySync(shop)));
        Map<String, String> status = new LinkedHashMap<>();
        if (hash != null) {
            for (String field : hash.getKeys()) {
                status.put(field, hash.get(field).toString());
            }
        }
        return status;
    }

    void run(String shop, boolean allOrders) {
        try {
            String token = accessTokens.find(shop);
            Shop record = shops.find(shop).orElse(null);
            if (token == null || record == null) {
                throw ProblemException.notFound("shop", shop + " has not installed the app");
            }
            progress(shop, "phase", "products");
            // Products without a rebuild, then the orders: into a new shop the order import rebuilds at its
            // end; into a built one (a sync started again) it updates as it goes, and one rebuild follows.
            ImportReport products = catalog.importCatalog(record, products(shop, token), "application/x-ndjson", false);
            progress(shop, "products", String.valueOf(products.productsTaken));
            progress(shop, "phase", "orders");
            String since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(60).toString();
            String filter = allOrders ? "" : "(query: \\\"created_at:>=" + since + "\\\")";
            ImportReport taken = orders.importOrders(record, orders(shop, token, filter), "application/x-ndjson");
            progress(shop, "orders", String.valueOf(taken.ordersTaken + taken.ordersSkipped));
            if (taken.rebuild == null) {
                rebuild.full(shop, record.settings());
            }
            progress(shop, "phase", "done");
            LOG.infof("Synced %s from Shopify: %d products, %d orders", shop, products.productsTaken, taken.ordersTaken);
        } catch (RuntimeException e) {
            if (e instanceof ProblemException p && p.status() == 401) {
                accessTokens.erase(shop); // expired or revoked: opening the app again exchanges a new one
            }
            progress(shop, "phase", "failed");
            progress(shop, "error", String.valueOf(e.getMessage()));
            LOG.warnf("The Shopify sync of %s failed: %s", shop, e.getMessage());
        }
    }

    /** The shop's products as NDJSON product bodies (Triad's shape), streamed from a bulk operation's JSONL. */
    InputStream products(String shop, String token) {
        return new JsonlGroups(bulk(shop, token, PRODUCTS), mapper, new JsonlGroups.Shape("variant",
                node -> productBody(mapper, node), ShopifySync::addVariant, product -> product.remove("status")),
                problems -> skipped(shop, problems));
    }

    /**
     * The shop's orders ({@code filter}: an {@code orders} argument list, or none) as NDJSON orders,
     * converted from the bulk operation's JSONL as the import reads them.
     */
    InputStream orders(String shop, String token, String filter) {
        return new JsonlGroups(bulk(shop, token, ORDERS.formatted(filter)), mapper, new JsonlGroups.Shape("line item",
                node -> orderBody(mapper, node), ShopifySync::addLine, order -> { }), problems -> skipped(shop, problems));
    }

    /** A Shopify Product node as Triad's NDJSON product body (its variants added by {@link #addVariant}). */
    static ObjectNode productBody(ObjectMapper mapper, JsonNode node) {
        String id = numeric(node.path("id").asText());
        ObjectNode product = mapper.createObjectNode();
        product.put("id", id);
        product.put("title", node.path("title").asText(id));
        product.put("type", node.path("productType").asText(null));
        product.put("url", "/products/" + node.path("handle").asText(id));
        String image = node.path("featuredMedia").path("preview").path("image").path("url").asText(null);
        if (image != null) {
            product.put("image", image);
        }
        product.put("status", node.path("status").asText("ACTIVE"));
        product.putArray("variants");
        return product;
    }

    /**
     * A ProductVariant node added to its product: in stock when the product is active and the variant
     * untracked, sold on backorder or with some left.
     */
    static void addVariant(ObjectNode product, JsonNode node) {
        boolean active = "ACTIVE".equals(product.path("status").asText());
        boolean tracked = node.path("inventoryItem").path("tracked").asBoolean(false);
        boolean inStock = active && (!tracked || "CONTINUE".equals(node.path("inventoryPolicy").asText())
                || node.path("inventoryQuantity").asInt(0) > 0);
        ObjectNode variant = ((ArrayNode) product.get("variants")).addObject();
        variant.put("id", numeric(node.path("id").asText()));
        variant.put("title", node.path("title").asText(null));
        variant.put("price", node.path("price").asText());
        if (node.hasNonNull("compareAtPrice")) {
            variant.put("compareAtPrice", node.path("compareAtPrice").asText());
        }
        variant.put("inStock", inStock);
        ObjectNode options = variant.putObject("options");
        for (JsonNode option : node.path("selectedOptions")) {
            String name = option.path("name").asText("");
            String value = option.path("value").asText("");
            // A product without options has the single option Title: Default Title, which says nothing.
            if (!name.isBlank() && !value.isBlank() && !value.equals("Default Title")) {
                options.put(name, value);
            }
        }
    }

    /** A Shopify Order node as Triad's NDJSON order (its lines added by {@link #addLine}). */
    static ObjectNode orderBody(ObjectMapper mapper, JsonNode node) {
        ObjectNode order = mapper.createObjectNode();
        order.put("id", numeric(node.path("id").asText()));
        if (node.hasNonNull("createdAt")) {
            order.put("createdAt", node.path("createdAt").asText());
        }
        if (node.hasNonNull("cancelledAt")) {
            order.put("cancelled_at", node.path("cancelledAt").asText());
        }
        order.put("financial_status", node.path("displayFinancialStatus").asText("").toLowerCase(Locale.ROOT));
        String customer = node.path("customer").path("id").asText(null);
        if (customer != null) {
            order.put("customerId", numeric(customer));
        }
        order.putArray("lines");
        return order;
    }

    /** A LineItem node added to its order; a custom item (no product) teaches nothing and is left out. */
    static void addLine(ObjectNode order, JsonNode node) {
        if (!node.path("product").hasNonNull("id")) {
            return;
        }
        ObjectNode item = ((ArrayNode) order.get("lines")).addObject();
        item.put("productId", numeric(node.path("product").path("id").asText()));
        if (node.path("variant").hasNonNull("id")) {
            item.put("variantId", numeric(node.path("variant").path("id").asText()));
        }
        item.put("quantity", node.path("quantity").asInt(1));
        item.put("price", node.path("originalUnitPriceSet").path("shopMoney").path("amount").asText());
        item.put("title", node.path("title").asText(""));
    }

    /** Runs {@code query} as a bulk operation and answers its JSONL file once it completes. */
    private InputStream bulk(String shop, String token, String query) {
        JsonNode started = admin.graphql(shop, token, "mutation { bulkOperationRunQuery(query: \"" + query
                + "\") { bulkOperation { id status } userErrors { field message } } }").path("bulkOperationRunQuery");
        if (started.path("userErrors").size() > 0) {
            throw ProblemException.unavailable("Shopify refused the bulk query: " + started.path("userErrors"));
        }
        String id = started.path("bulkOperation").path("id").asText();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        int polls = 0;
        while (System.nanoTime() < deadline) {
            JsonNode operation = admin.graphql(shop, token,
                    "{ currentBulkOperation { id status errorCode objectCount url } }").path("currentBulkOperation");
            String status = operation.path("status").asText();
            if (operation.path("id").asText().equals(id) && status.equals("COMPLETED")) {
                String url = operation.path("url").asText(null);
                return url == null ? InputStream.nullInputStream() : admin.download(url);
            }
            if (operation.path("id").asText().equals(id) && (status.equals("FAILED") || status.equals("CANCELED")
                    || status.equals("EXPIRED"))) {
                throw ProblemException.unavailable("Shopify's bulk operation " + status.toLowerCase(Locale.ROOT)
                        + ": " + operation.path("errorCode").asText("no error code"));
            }
            waitForNews(shop, Math.min(POLL.toMillis() << Math.min(polls++, 5), MAX_POLL.toMillis()));
        }
        throw ProblemException.unavailable("Shopify's bulk operation did not finish in " + GIVE_UP);
    }

    private void waitForNews(String shop, long millis) {
        try {
            wake.computeIfAbsent(shop, s -> new Semaphore(0))
                    .tryAcquire(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while waiting for Shopify");
        }
    }

    /** Shopify's numeric id out of a global id ({@code gid://shopify/Product/123} → {@code 123}). */
    static String numeric(String gid) {
        int slash = gid.lastIndexOf('/');
        String id = slash < 0 ? gid : gid.substring(slash + 1);
        int query = id.indexOf('?');
        return query < 0 ? id : id.substring(0, query);
    }

    /** Lines of a bulk file that did not parse, reported with their numbers in the sync's status. */
    private void skipped(String shop, List<String> problems) {
        LOG.warnf("Skipped %d lines of a bulk operation's file of %s: %s", problems.size(), shop,
                problems.subList(0, Math.min(5, problems.size())));
        progress(shop, "skippedLines", String.join("; ", problems.subList(0, Math.min(20, problems.size()))));
    }

    private void progress(String shop, String field, String value) {
        redis.send(Request.cmd(Command.HSET).arg(Keys.shopifySync(shop)).arg(field).arg(value));
    }
}
