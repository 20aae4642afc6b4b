package dev.triad.shopifyapp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.triad.TriadConfig;
import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ProductFacts;
import dev.triad.ingest.ImportReport;
import dev.triad.ingest.OrderImport;
import dev.triad.problem.ProblemException;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopStore;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Webhooks are hints, not a ledger: a delivery Shopify gave up on, or one refused while Triad was
 * away, is healed here. Orders and products updated since the last reconciliation (Admin GraphQL
 * {@code orders}/{@code products} with an {@code updated_at} filter, 100 a page) go through the same
 * paths as webhooks: an order Triad holds is skipped (counted once), a product change older than the
 * one stored is ignored, pins set through the admin API are kept.
 */
@ApplicationScoped
public class ShopifyReconciler {

    private static final Logger LOG = Logger.getLogger(ShopifyReconciler.class);

    /** How far back the first reconciliation of a shop looks. */
    static final Duration FIRST_LOOK = Duration.ofDays(1);
    static final String ORDERS = "{ orders(first: 100, query: \"updated_at:>='%s'\"%s) { pageInfo { hasNextPage endCursor } "
            + "edges { node { " + ShopifySync.ORDER_FIELDS + " lineItems(first: 250) { edges { node { "
            + ShopifySync.LINE_ITEM_FIELDS + " } } } } } } }";
    static final String PRODUCTS = "{ products(first: 100, query: \"updated_at:>='%s'\"%s) { pageInfo { hasNextPage endCursor } "
            + "edges { node { " + ShopifySync.PRODUCT_FIELDS + " updatedAt variants(first: 250) { edges { node { "
            + ShopifySync.VARIANT_FIELDS + " } } } } } } }";

    private final ShopifyAdmin admin;
    private final AccessTokens accessTokens;
    private final OrderImport orders;
    private final CatalogStore catalog;
    private final ShopStore shops;
    private final RedisBatches redis;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public ShopifyReconciler(ShopifyAdmin admin, AccessTokens accessTokens, OrderImport orders, CatalogStore catalog,
            ShopStore shops, RedisBatches redis, ObjectMapper mapper) {
        this.admin = admin;
        this.accessTokens = accessTokens;
        this.orders = orders;
        this.catalog = catalog;
        this.shops = shops;
        this.redis = redis;
        this.mapper = mapper;
    }

    /** Reconciles every installed shop, every {@code triad.shopify.reconcile-every}, when the app is configured. */
    void schedule(@Observes StartupEvent started, TriadConfig config) {
        Duration every = config.shopify().reconcileEvery();
        if (every.isZero() || config.shopify().apiKey().isEmpty() || config.shopify().tokenKey().isEmpty()) {
            return;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "triad-shopify-reconcile");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::reconcileAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reconciles every installed shop; one failing does not stop the others. Answers what each took, by shop. */
    public Map<String, Object> reconcileAll() {
        Map<String, Object> outcomes = new TreeMap<>();
        try {
            Response installed = redis.send(Request.cmd(Command.SMEMBERS).arg(Keys.shopifyInstalled()));
            for (Response shop : installed) {
                try {
                    outcomes.put(shop.toString(), reconcile(shop.toString()));
                } catch (RuntimeException e) {
                    outcomes.put(shop.toString(), "failed: " + e.getMessage());
                    LOG.warnf("Reconciling %s with Shopify failed: %s", shop, e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Reconciling with Shopify failed: %s", e.getMessage());
        }
        return outcomes;
    }

    /** What one reconciliation took. */
    public record Outcome(String since, long ordersTaken, long ordersAlreadyHeld, int productsUpdated) {
    }

    /** Brings {@code shop} up to date with what Shopify changed since the last reconciliation. */
    public Outcome reconcile(String shop) {
        Shop record = shops.find(shop).orElseThrow(() -> ProblemException.notFound("shop", shop + " is not registered"));
        String token = accessTokens.find(shop);
        if (token == null) {
            throw ProblemException.notFound("shop", shop + " has not installed the app");
        }
        Instant start = clock.instant();
        Response stored = redis.send(Request.cmd(Command.HGET).arg(Keys.shopifySync(shop)).arg("reconciled-at"));
        String since = stored != null ? stored.toString() : start.minus(FIRST_LOOK).toString();
        int products = 0;
        for (JsonNode node : pages(shop, token, PRODUCTS, since, "products")) {
            try {
                products += applyProduct(shop, node) ? 1 : 0;
            } catch (NumberFormatException | DateTimeParseException e) {
                LOG.warnf("Skipped Shopify product %s of %s: %s", node.path("id").asText(), shop, e.getMessage());
            }
        }
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        for (JsonNode node : pages(shop, token, ORDERS, since, "orders")) {
            ObjectNode order = ShopifySync.orderBody(mapper, node);
            for (JsonNode line : node.path("lineItems").path("edges")) {
                ShopifySync.addLine(order, line.path("node"));
            }
            ndjson.writeBytes(order.toString().getBytes(StandardCharsets.UTF_8));
            ndjson.write('\n');
        }
        ImportReport report = ndjson.size() == 0 ? new ImportReport()
                : orders.importOrders(record, new ByteArrayInputStream(ndjson.toByteArray()), "application/x-ndjson");
        redis.send(Request.cmd(Command.HSET).arg(Keys.shopifySync(shop)).arg("reconciled-at").arg(start.toString()));
        return new Outcome(since, report.ordersTaken, report.ordersSkipped, products);
    }

    private List<JsonNode> pages(String shop, String token, String query, String since, String connection) {
        List<JsonNode> nodes = new ArrayList<>();
        String after = "";
        for (int page = 0; page < 1_000; page++) {
            JsonNode answer = admin.graphql(shop, token, query.formatted(since, after)).path(connection);
            answer.path("edges").forEach(edge -> nodes.add(edge.path("node")));
            if (!answer.path("pageInfo").path("hasNextPage").asBoolean(false)) {
                break;
            }
            after = ", after: \"" + answer.path("pageInfo").path("endCursor").asText() + "\"";
        }
        return nodes;
    }

    /** A product as its webhook would set it: dated by {@code updatedAt}, keeping the merchant's pins. */
    private boolean applyProduct(String shop, JsonNode node) {
        ObjectNode body = ShopifySync.productBody(mapper, node);
        for (JsonNode variant : node.path("variants").path("edges")) {
            ShopifySync.addVariant(body, variant.path("node"));
        }
        List<ProductFacts.Variant> variants = new ArrayList<>();
        for (JsonNode v : (ArrayNode) body.get("variants")) {
            Map<String, String> options = new LinkedHashMap<>();
            v.path("options").fields().forEachRemaining(o -> options.put(o.getKey(), o.getValue().asText()));
            variants.add(new ProductFacts.Variant(v.path("id").asText(), v.path("title").asText(null),
                    new BigDecimal(v.path("price").asText()),
                    v.hasNonNull("compareAtPrice") ? new BigDecimal(v.path("compareAtPrice").asText()) : null,
                    v.path("inStock").asBoolean(), options));
        }
        String id = body.path("id").asText();
        Instant changed = node.hasNonNull("updatedAt") ? Instant.parse(node.path("updatedAt").asText()) : null;
        return catalog.update(shop, id, new CatalogStore.Dated(id, changed), existing -> new ProductFacts(id,
                body.path("title").asText(id), body.path("type").asText(null), body.path("url").asText(null),
                body.path("image").asText(null), null, null, variants,
                existing == null ? List.of() : existing.complements(),
                existing == null ? List.of() : existing.upgrades())).isPresent();
    }
}
