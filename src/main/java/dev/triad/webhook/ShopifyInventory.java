package dev.triad.webhook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ProductFacts;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.shop.Shop;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Shopify stock as today's API tells it. Since API 2024-07 a product webhook's variants no longer
 * carry {@code inventory_management} (changelog "Product Variant Field Cleanup"): whether Shopify
 * tracks a variant's stock is {@code InventoryItem.tracked}, sent by {@code inventory_items/create|update},
 * and its quantities per location come with {@code inventory_levels/update}; a variant names its
 * item by {@code inventory_item_id}. Triad keeps, per inventory item, the variant it stocks, its
 * policy, the product's status, the last quantity and whether it is tracked, and sets the variant
 * in or out of stock whenever one of them changes. Until Shopify says an item is tracked, a
 * variant counts as untracked (always for sale): an untracked variant's quantity is usually 0.
 */
@ApplicationScoped
public class ShopifyInventory {

    private final RedisBatches redis;
    private final CatalogStore catalog;

    public ShopifyInventory(RedisBatches redis, CatalogStore catalog) {
        this.redis = redis;
        this.catalog = catalog;
    }

    /** What is known of a variant's inventory item. */
    record Item(String productId, String variantId, boolean backorder, boolean active, int quantity, Boolean tracked) {

        boolean inStock() {
            return active && (!Boolean.TRUE.equals(tracked) || backorder || quantity > 0);
        }

        String encode() {
            return productId + " " + variantId + " " + (backorder ? "continue" : "deny") + " " + (active ? "active" : "inactive")
                    + " " + quantity + " " + (tracked == null ? "-" : tracked ? "1" : "0");
        }

        static Item decode(String stored) {
            String[] f = stored.split(" ");
            return new Item(f[0], f[1], f[2].equals("continue"), f[3].equals("active"), Integer.parseInt(f[4]),
                    f[5].equals("-") ? null : f[5].equals("1"));
        }

        Item withTracked(boolean value) {
            return new Item(productId, variantId, backorder, active, quantity, value);
        }

        Item withQuantity(int value) {
            return new Item(productId, variantId, backorder, active, value, tracked);
        }
    }

    /** Whether Shopify tracks each of {@code itemIds} (absent: not known yet). */
    Map<String, Boolean> tracked(String shop, List<String> itemIds) {
        Map<String, Boolean> tracked = new HashMap<>();
        if (itemIds.isEmpty()) {
            return tracked;
        }
        Request get = Request.cmd(Command.HMGET).arg(Keys.inventoryItems(shop));
        itemIds.forEach(get::arg);
        Response stored = redis.send(get);
        for (int i = 0; i < itemIds.size(); i++) {
            Response value = stored.get(i);
            if (value != null && Item.decode(value.toString()).tracked() != null) {
                tracked.put(itemIds.get(i), Item.decode(value.toString()).tracked());
            }
        }
        return tracked;
    }

    /**
     * Remembers the items of a product webhook's variants: the product's total quantity is now what
     * the webhook says, so levels seen before it no longer count.
     */
    void remember(String shop, Map<String, Item> byItemId) {
        if (byItemId.isEmpty()) {
            return;
        }
        List<Request> writes = new ArrayList<>();
        Request set = Request.cmd(Command.HSET).arg(Keys.inventoryItems(shop));
        byItemId.forEach((itemId, item) -> {
            set.arg(itemId).arg(item.encode());
            writes.add(Request.cmd(Command.UNLINK).arg(Keys.inventoryLevels(shop, itemId)));
        });
        writes.add(0, set);
        redis.send(writes);
    }

    /** {@code inventory_items/create|update}: whether Shopify tracks the item's stock. */
    void itemUpdated(Shop shop, JsonNode body) {
        String itemId = Payloads.requiredId(body, "id");
        boolean tracked = body.path("tracked").asBoolean(false);
        Item item = stored(shop.id(), itemId);
        Item updated = item == null ? null : item.withTracked(tracked);
        if (item == null) {
            // The product webhook naming this item may come later: keep what Shopify said.
            redis.send(Request.cmd(Command.HSETNX).arg(Keys.inventoryItems(shop.id())).arg(itemId)
                    .arg(new Item("-", "-", false, true, 0, tracked).encode()));
            return;
        }
        apply(shop, itemId, item, updated);
    }

    /**
     * {@code inventory_levels/update}: the item's quantity at one location. The quantity that counts is
     * the sum of the levels seen since the last product webhook (a location not heard from since counts
     * nothing: a shop selling from several locations may see an item out of stock for a moment, never
     * an item offered that cannot be sold).
     */
    void levelUpdated(Shop shop, JsonNode body) {
        String itemId = Payloads.requiredId(body, "inventory_item_id");
        String location = Payloads.requiredId(body, "location_id");
        int available = body.path("available").asInt(0);
        List<Response> replies = redis.send(List.of(
                Request.cmd(Command.HSET).arg(Keys.inventoryLevels(shop.id(), itemId)).arg(location).arg(available),
                Request.cmd(Command.HVALS).arg(Keys.inventoryLevels(shop.id(), itemId))));
        int total = 0;
        for (Response level : replies.get(1)) {
            total += Integer.parseInt(level.toString());
        }
        Item item = stored(shop.id(), itemId);
        if (item != null && !item.productId().equals("-")) {
            apply(shop, itemId, item, item.withQuantity(total));
        }
    }

    private Item stored(String shop, String itemId) {
        Response stored = redis.send(Request.cmd(Command.HGET).arg(Keys.inventoryItems(shop)).arg(itemId));
        return stored == null ? null : Item.decode(stored.toString());
    }

    private void apply(Shop shop, String itemId, Item before, Item after) {
        redis.send(Request.cmd(Command.HSET).arg(Keys.inventoryItems(shop.id())).arg(itemId).arg(after.encode()));
        if (after.productId().equals("-") || before.inStock() == after.inStock()) {
            return;
        }
        boolean inStock = after.inStock();
        catalog.update(shop.id(), after.productId(), null, facts -> {
            if (facts == null || facts.variants().stream().noneMatch(v -> v.id().equals(after.variantId()))) {
                return null;
            }
            List<ProductFacts.Variant> variants = facts.variants().stream()
                    .map(v -> v.id().equals(after.variantId())
                            ? new ProductFacts.Variant(v.id(), v.title(), v.price(), v.compareAtPrice(), inStock) : v)
                    .toList();
            return new ProductFacts(facts.id(), facts.title(), facts.type(), facts.url(), facts.image(), facts.rating(),
                    facts.reviewCount(), variants, facts.complements(), facts.upgrades());
        });
    }
}
