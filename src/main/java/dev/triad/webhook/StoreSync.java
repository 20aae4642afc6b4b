package dev.triad.webhook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.TriadConfig;
import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ProductFacts;
import dev.triad.events.Dismissals;
import dev.triad.events.Visitors;
import dev.triad.ingest.ImportedOrder;
import dev.triad.ingest.OrderImport;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopStore;
import dev.triad.stats.StatsService;
import dev.triad.store.Keys;
import dev.triad.store.RedisBatches;
import dev.triad.store.StoredJson;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * What a store's webhooks change, whatever the platform. Every effect is idempotent, so a delivery
 * processed twice counts once: orders are keyed by id in the order log, and an order's statistics
 * are counted by one script that first marks the order counted.
 */
@ApplicationScoped
public class StoreSync {

    static final Duration COUNTED_FOR = Duration.ofDays(30);

    /**
     * KEYS: order-counted mark, day stats, group by session, group by customer, added by session,
     * added by customer. ARGV: mark expiry, stats expiry, order total (minor units), now,
     * attribution window, then product id and line total (minor units) pairs.
     */
    static final String COUNT_ORDER = """
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
            redis.call('HINCRBY', KEYS[2], 'orders', 1)
            redis.call('HINCRBY', KEYS[2], 'revenue', ARGV[3])
            local group = redis.call('GET', KEYS[3]) or redis.call('GET', KEYS[4])
            if group then
              redis.call('HINCRBY', KEYS[2], 'orders.' .. group, 1)
              redis.call('HINCRBY', KEYS[2], 'revenue.' .. group, ARGV[3])
            end
            local attributed, won = false, 0
            for i = 6, #ARGV, 2 do
              for k = 5, 6 do
                local at = redis.call('HGET', KEYS[k], ARGV[i])
                if at and tonumber(at) + tonumber(ARGV[5]) >= tonumber(ARGV[4]) then
                  attributed = true
                  won = won + tonumber(ARGV[i + 1])
                  break
                end
              end
            end
            if attributed then
              redis.call('HINCRBY', KEYS[2], 'orders.attributed', 1)
              redis.call('HINCRBY', KEYS[2], 'revenue.attributed', won)
            end
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            return 1
            """;

    /** KEYS[1] any key of the shop (routes to its node); ARGV pattern, cursor. Unlinks a page, answers the next cursor. */
    static final String ERASE_PAGE = """
            local page = redis.call('SCAN', ARGV[2], 'MATCH', ARGV[1], 'COUNT', 1000)
            if #page[2] > 0 then redis.call('UNLINK', unpack(page[2])) end
            return page[1]
            """;

    private final OrderImport orders;
    private final CatalogStore catalog;
    private final ShopStore shops;
    private final RedisBatches redis;
    private final Visitors visitors;
    private final StoredJson stored;
    private final TriadConfig.Events events;
    private final Clock clock = Clock.systemUTC();

    public StoreSync(OrderImport orders, CatalogStore catalog, ShopStore shops, RedisBatches redis, Visitors visitors,
            StoredJson stored, TriadConfig config) {
        this.orders = orders;
        this.catalog = catalog;
        this.shops = shops;
        this.redis = redis;
        this.visitors = visitors;
        this.stored = stored;
        this.events = config.events();
    }

    /**
     * A new order: co-purchase counts and the sheets of its products, the customer's history, and
     * the day's statistics (orders, revenue, the group of its session, what Triad's offers won).
     */
    public void order(Shop shop, StoreOrder placed) {
        ImportedOrder order = placed.order();
        if (!order.lines().isEmpty()) {
            orders.record(shop.id(), List.of(order));
        }
        String customer = visitors.customer(shop.id(), order.customerId());
        Set<String> products = new LinkedHashSet<>();
        order.lines().forEach(line -> {
            if (line.productId() != null) {
                products.add(line.productId());
            }
        });
        if (customer != null && !products.isEmpty()) {
            Request history = Request.cmd(Command.SADD).arg(Keys.customer(shop.id(), customer));
            products.forEach(history::arg);
            redis.send(history);
        }
        count(shop, placed, customer);
    }

    private void count(Shop shop, StoreOrder placed, String customer) {
        String id = shop.id();
        String session = visitors.session(id, placed.sessionId());
        String none = Keys.prefix(id) + "none";
        int digits = Math.max(0, Currency.getInstance(shop.currency()).getDefaultFractionDigits());
        Map<String, Long> lineTotals = new LinkedHashMap<>();
        long total = 0;
        for (ImportedOrder.Line line : placed.order().lines()) {
            long minor = minor(line.price() == null ? BigDecimal.ZERO : line.price().multiply(BigDecimal.valueOf(line.quantity())), digits);
            lineTotals.merge(line.productId(), minor, Long::sum);
            total += minor;
        }
        if (placed.total() != null) {
            total = minor(placed.total(), digits);
        }
        Instant now = clock.instant();
        Request eval = Request.cmd(Command.EVAL).arg(COUNT_ORDER).arg(6)
                .arg(Keys.orderCounted(id, placed.order().id()))
                .arg(Keys.stats(id, StatsService.day(now)))
                .arg(session == null ? none : Keys.session(id, session))
                .arg(customer == null ? none : Keys.session(id, customer))
                .arg(session == null ? none : Keys.added(id, session))
                .arg(customer == null ? none : Keys.added(id, customer))
                .arg(COUNTED_FOR.toSeconds()).arg(events.statsKeptFor().toSeconds()).arg(total)
                .arg(now.getEpochSecond()).arg(events.attributionWindow().toSeconds());
        lineTotals.forEach((product, minor) -> eval.arg(product).arg(minor));
        redis.send(eval);
    }

    private static long minor(BigDecimal amount, int digits) {
        return amount.setScale(digits, RoundingMode.HALF_UP).movePointRight(digits).longValueExact();
    }

    /**
     * A product created or changed at {@code changedAt} by the store's clock (null: unknown): its
     * facts, its sheet, and every sheet that names it — unless a later change of it was already
     * stored (deliveries arrive out of order and are retried for up to two days; see
     * {@link CatalogStore#update}). A platform without pins of its own (Shopify) keeps the pins the
     * merchant set through the admin API.
     */
    public void product(Shop shop, ProductFacts product, boolean platformHasPins, Instant changedAt) {
        catalog.update(shop.id(), product.id(), new CatalogStore.Dated(product.id(), changedAt), existing ->
                platformHasPins || existing == null ? product
                        : new ProductFacts(product.id(), product.title(), product.type(), product.url(), product.image(),
                                product.rating(), product.reviewCount(), product.variants(), existing.complements(),
                                existing.upgrades()));
    }

    /**
     * A variable product (WooCommerce): its variations arrive as products of their own; the parent
     * keeps the variants it already has, or a single one at its "from" price until they arrive.
     */
    public void variableProduct(Shop shop, ProductFacts product, Instant changedAt) {
        catalog.update(shop.id(), product.id(), new CatalogStore.Dated(product.id(), changedAt), existing -> {
            List<ProductFacts.Variant> known = existing == null ? List.of()
                    : existing.variants().stream().filter(v -> !v.id().equals(product.id())).toList();
            return known.isEmpty() ? product : withVariants(product, known);
        });
    }

    /**
     * A variation (WooCommerce) becomes, or replaces, a variant of its parent, read and written in one
     * transaction: a store saving all of a product's variations sends them at once, and none may be
     * lost. Unknown parents wait for theirs.
     */
    public void variation(Shop shop, String parentId, ProductFacts variation, Instant changedAt) {
        if (variation.variants().isEmpty()) {
            return;
        }
        ProductFacts.Variant v = variation.variants().get(0);
        catalog.update(shop.id(), parentId, new CatalogStore.Dated(variation.id(), changedAt), parent -> {
            if (parent == null) {
                return null;
            }
            List<ProductFacts.Variant> variants = new ArrayList<>();
            parent.variants().stream().filter(p -> !p.id().equals(parentId) && !p.id().equals(v.id()))
                    .forEach(variants::add);
            variants.add(new ProductFacts.Variant(v.id(), variation.title(), v.price(), v.compareAtPrice(), v.inStock()));
            return withVariants(parent, variants);
        });
    }

    private static ProductFacts withVariants(ProductFacts p, List<ProductFacts.Variant> variants) {
        return new ProductFacts(p.id(), p.title(), p.type(), p.url(), p.image(), p.rating(), p.reviewCount(), variants,
                p.complements(), p.upgrades());
    }

    /** A deleted product: gone from every sheet; updates older than the deletion are ignored from now on. */
    public void productDeleted(Shop shop, String productId) {
        catalog.delete(shop.id(), productId, new CatalogStore.Dated(productId, clock.instant()));
    }

    /** The app was removed from the store: the shop stays registered but offers return none. */
    public void uninstalled(Shop shop) {
        shops.save(new Shop(shop.id(), shop.platform(), shop.currency(), shop.allowedOrigins(), shop.settings(),
                shop.publishableKey(), shop.adminKeyHash(), shop.webhookSecret(), false));
    }

    /** Erases what Triad holds on a customer: purchase history, dismissals, offers added, session group. */
    public void redactCustomer(Shop shop, String customerId) {
        String customer = visitors.customer(shop.id(), customerId);
        redis.send(Request.cmd(Command.UNLINK).arg(Keys.customer(shop.id(), customer))
                .arg(Keys.dismissed(shop.id(), customer)).arg(Keys.added(shop.id(), customer))
                .arg(Keys.session(shop.id(), customer)));
    }

    /** What Triad holds on a customer, kept 30 days for the merchant under {@code requestId}. */
    public CustomerData dataRequest(Shop shop, String requestId, String customerId) {
        String customer = visitors.customer(shop.id(), customerId);
        List<Response> replies = redis.send(List.of(
                Request.cmd(Command.SMEMBERS).arg(Keys.customer(shop.id(), customer)),
                Request.cmd(Command.GET).arg(Keys.dismissed(shop.id(), customer)),
                Request.cmd(Command.HKEYS).arg(Keys.added(shop.id(), customer))));
        CustomerData data = new CustomerData(requestId, customerId, strings(replies.get(0)),
                List.copyOf(Dismissals.live(replies.get(1) == null ? null : replies.get(1).toString(),
                        clock.instant().getEpochSecond())),
                strings(replies.get(2)));
        redis.send(Request.cmd(Command.SET).arg(Keys.dataRequest(shop.id(), requestId)).arg(stored.write(data))
                .arg("EX").arg(Duration.ofDays(30).toSeconds()));
        return data;
    }

    /** What a privacy data request found: ids of products bought, dismissed and added from offers. */
    public record CustomerData(String requestId, String customerId, List<String> productsBought,
            List<String> productsDismissed, List<String> productsAddedFromOffers) {
    }

    /** Erases every key of the shop, the shop's record included. */
    public void redactShop(String shop) {
        String cursor = "0";
        do {
            Response next = redis.send(Request.cmd(Command.EVAL).arg(ERASE_PAGE).arg(1).arg(Keys.shop(shop))
                    .arg(Keys.prefix(shop) + "*").arg(cursor));
            cursor = next.toString();
        } while (!"0".equals(cursor));
    }

    private static List<String> strings(Response reply) {
        List<String> values = new ArrayList<>();
        if (reply != null) {
            reply.forEach(r -> values.add(r.toString()));
        }
        values.sort(null);
        return values;
    }
}
