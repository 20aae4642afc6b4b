package dev.triad.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ProductFacts;
import dev.triad.events.Visitors;
import dev.triad.ingest.ImportedOrder;
import dev.triad.ingest.OrderImport;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopStore;
import dev.triad.stats.OrderStats;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * What a store's webhooks change in its orders and catalog, whatever the platform. Every effect is
 * idempotent, so a delivery processed twice counts once: orders are keyed by id in the order log,
 * and an order's statistics are counted once ({@link OrderStats}). Privacy topics: {@code privacy}.
 */
@ApplicationScoped
public class StoreSync {

    private final Event<OrderPlaced> placedOrders;
    private final OrderImport orders;
    private final CatalogStore catalog;
    private final ShopStore shops;
    private final RedisBatches redis;
    private final Visitors visitors;
    private final OrderStats stats;
    private final Clock clock = Clock.systemUTC();

    public StoreSync(OrderImport orders, CatalogStore catalog, ShopStore shops, RedisBatches redis, Visitors visitors,
            OrderStats stats, Event<OrderPlaced> placedOrders) {
        this.placedOrders = placedOrders;
        this.orders = orders;
        this.catalog = catalog;
        this.shops = shops;
        this.redis = redis;
        this.visitors = visitors;
        this.stats = stats;
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
        // The order's import (above) also adds it to its customer's purchase history.
        String customer = visitors.customer(shop.id(), order.customerId());
        stats.count(shop, placed.order(), visitors.session(shop.id(), placed.sessionId()), placed.total(), customer);
        placedOrders.fire(new OrderPlaced(shop, placed));
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
     * The ids live traffic uses for a product, by its handle and SKUs: imports by handle or SKU meet
     * them from now on, and a product an import filed under its handle, or an order export under
     * {@code sku-…}, becomes this product (its orders count as this product's at the next rebuild).
     */
    public void identities(Shop shop, String productId, String handle, Map<String, String> variantBySku) {
        List<String> former = new ArrayList<>();
        if (handle != null) {
            former.add(handle);
        }
        variantBySku.keySet().forEach(sku -> former.add(OrderImport.skuProductId(sku)));
        catalog.recordIdentities(shop.id(), productId, handle, variantBySku, former);
    }

    /**
     * A variable product (WooCommerce): its variations arrive as products of their own; the parent
     * keeps those of its variants it still lists in {@code variationIds} (null: the body did not say),
     * or a single one at its "from" price until they arrive. Removing a variation on the product
     * screen sends no deletion, only this update without it.
     */
    public void variableProduct(Shop shop, ProductFacts product, List<String> variationIds, Instant changedAt) {
        catalog.update(shop.id(), product.id(), new CatalogStore.Dated(product.id(), changedAt), existing -> {
            List<ProductFacts.Variant> known = existing == null ? List.of()
                    : existing.variants().stream().filter(v -> !v.id().equals(product.id()))
                            .filter(v -> variationIds == null || variationIds.contains(v.id())).toList();
            return known.isEmpty() ? product : withVariants(product, known);
        });
    }

    /**
     * A variation (WooCommerce) becomes, or replaces, a variant of its parent, read and written in one
     * transaction: a store saving all of a product's variations sends them at once, and none may be
     * lost. WooCommerce delivers from a queue in no set order and saves a new product's variations
     * before the product: a variation whose parent is not known yet makes the parent, under the
     * variation's name, until the parent's own body names it properly.
     */
    public void variation(Shop shop, String parentId, ProductFacts variation, Instant changedAt) {
        if (variation.variants().isEmpty()) {
            return;
        }
        ProductFacts.Variant v = variation.variants().get(0);
        ProductFacts.Variant variant = v.withTitle(variation.title());
        catalog.update(shop.id(), parentId, new CatalogStore.Dated(variation.id(), changedAt), parent -> {
            if (parent == null) {
                return new ProductFacts(parentId, variation.title(), variation.type(), variation.url(), variation.image(),
                        null, null, List.of(variant), List.of(), List.of());
            }
            List<ProductFacts.Variant> variants = new ArrayList<>();
            parent.variants().stream().filter(p -> !p.id().equals(parentId) && !p.id().equals(v.id()))
                    .forEach(variants::add);
            variants.add(variant);
            return withVariants(parent, variants);
        });
        redis.send(Request.cmd(Command.HSET).arg(Keys.variationParents(shop.id())).arg(variation.id()).arg(parentId));
    }

    private static ProductFacts withVariants(ProductFacts p, List<ProductFacts.Variant> variants) {
        return new ProductFacts(p.id(), p.title(), p.type(), p.url(), p.image(), p.rating(), p.reviewCount(), variants,
                p.complements(), p.upgrades());
    }

    /**
     * A deleted product: gone from every sheet; updates older than the deletion are ignored from now on.
     * WooCommerce names a trashed variation by its own id alone: then it leaves its parent's variants.
     */
    public void productDeleted(Shop shop, String productId) {
        Instant now = clock.instant();
        if (catalog.delete(shop.id(), productId, new CatalogStore.Dated(productId, now))) {
            return;
        }
        Response parent = redis.send(Request.cmd(Command.HGET).arg(Keys.variationParents(shop.id())).arg(productId));
        String parentId = parent == null ? null : parent.toString();
        if (parentId != null) {
            catalog.update(shop.id(), parentId, new CatalogStore.Dated(productId, now), facts -> {
                if (facts == null || facts.variants().stream().noneMatch(v -> v.id().equals(productId))) {
                    return null;
                }
                return withVariants(facts, facts.variants().stream().filter(v -> !v.id().equals(productId)).toList());
            });
            redis.send(Request.cmd(Command.HDEL).arg(Keys.variationParents(shop.id())).arg(productId));
        }
    }

    /** The app was removed from the store: the shop stays registered but offers return none; its access token is erased. */
    public void uninstalled(Shop shop) {
        // Shopify revokes the app's access token on uninstall: the encrypted copy goes too.
        redis.send(Request.cmd(Command.UNLINK).arg(Keys.shopifyToken(shop.id())));
        shops.markShopifyInstalled(shop.id(), false);
        shops.save(shop.withEnabled(false));
    }

}
