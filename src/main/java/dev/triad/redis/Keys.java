package dev.triad.redis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Every Redis key Triad uses, built in one place.
 *
 * <p>All keys of a shop start with {@code triad:{<shop>}:}: the braces are a Redis Cluster hash
 * tag, so a shop's keys share one slot and a multi-key read stays one round trip in cluster mode.
 * Shop names are validated to never contain braces or colons.
 */
public final class Keys {

    private Keys() {
    }

    public static String prefix(String shop) {
        return "triad:{" + shop + "}:";
    }

    /** String: the shop's record (settings, keys) as JSON. */
    public static String shop(String shop) {
        return prefix(shop) + "shop";
    }

    /** String: a product's facts and the merchant's pins, as JSON. */
    public static String product(String shop, String productId) {
        return prefix(shop) + "product:" + productId;
    }

    /** String: a product's offer sheet, as JSON, always written whole. */
    public static String sheet(String shop, String productId) {
        return prefix(shop) + "sheet:" + productId;
    }

    /** Set: ids of the products whose sheets name this product (the reverse index used for patching). */
    public static String namedBy(String shop, String productId) {
        return prefix(shop) + "named-by:" + productId;
    }

    /** Set: ids of every product of the shop. */
    public static String products(String shop) {
        return prefix(shop) + "products";
    }

    /** Hash: order id → its distinct product ids, space-separated. The order log: source of every count. */
    public static String orders(String shop) {
        return prefix(shop) + "orders";
    }

    /** Hash: orders that arrived while a rebuild was running, folded in when it ends. */
    public static String pendingOrders(String shop) {
        return prefix(shop) + "orders-pending";
    }

    /** Hash: product id → orders holding it ({@code c_a}). */
    public static String counts(String shop) {
        return prefix(shop) + "counts";
    }

    /** String: a product's co-purchase row (partner id and co-count pairs), replaced whole. */
    public static String pairs(String shop, String productId) {
        return prefix(shop) + "pairs:" + productId;
    }

    /** Hash: {@code orders} (N), {@code rebuiltAt}, {@code rebuildMillis}; no {@code rebuiltAt}: counts not built yet. */
    public static String meta(String shop) {
        return prefix(shop) + "meta";
    }

    /** String: held (with expiry) while a full rebuild runs. */
    public static String rebuildLock(String shop) {
        return prefix(shop) + "rebuild-lock";
    }

    /** Hash: SKU → product id, recorded by catalog imports to resolve order exports that name SKUs only. */
    /** Hash: WooCommerce variation id → the id of the product it is a variant of. */
    public static String variationParents(String shop) {
        return prefix(shop) + "variation-parents";
    }

    /** String: the shop's Shopify Admin API access token, encrypted (AES-GCM); erased when the app is uninstalled. */
    public static String shopifyToken(String shop) {
        return prefix(shop) + "shopify-token";
    }

    /** Set: the shops that have the Shopify app installed, reconciled on a schedule. Not a shop's key. */
    public static String shopifyInstalled() {
        return "triad:shopify-installed";
    }

    /** Hash: where the shop's Shopify sync stands (phase, counts, error). */
    public static String shopifySync(String shop) {
        return prefix(shop) + "shopify-sync";
    }

    /** Hash: a Shopify product's handle → its id, learnt from product webhooks, so a product CSV (by handle) meets them. */
    public static String handles(String shop) {
        return prefix(shop) + "handles";
    }

    /**
     * Hash: an id a file gave a product (a Shopify handle, {@code sku-…}) → the id live traffic uses for
     * it, learnt when a product webhook named both: a rebuild counts the order log's old ids as the new.
     */
    public static String aliases(String shop) {
        return prefix(shop) + "aliases";
    }

    /** Hash: SKU → the platform's variant id, learnt from product webhooks. */
    public static String skuVariants(String shop) {
        return prefix(shop) + "sku-variants";
    }

    public static String skus(String shop) {
        return prefix(shop) + "skus";
    }

    /** String: offers a visitor (session or customer hash) dismissed, as {@code productId expiry} pairs, read by the offer MGET. */
    public static String dismissed(String shop, String visitor) {
        return prefix(shop) + "dismissed:" + visitor;
    }

    /** Hash: product id → epoch second a visitor added it from an offer; the attribution window is its expiry. */
    public static String added(String shop, String visitor) {
        return prefix(shop) + "added:" + visitor;
    }

    /**
     * String: the epoch second a visitor's limited-time offer ends, read by the offer MGET, written once
     * (NX) on the visitor's first offers, kept a day past its end so that a reload does not start it again.
     */
    public static String countdown(String shop, String visitor) {
        return prefix(shop) + "countdown:" + visitor;
    }

    /** String: the shop's Klaviyo private API key, sealed (AES-GCM under a key derived from the deployment's secret). */
    public static String klaviyoKey(String shop) {
        return prefix(shop) + "klaviyo-key";
    }

    /** String: the SHA-256 (hex) of the shop's feed key, the secret part of its add-on feed's address. */
    public static String feedKey(String shop) {
        return prefix(shop) + "feed-key";
    }

    /** Hash: {@code etag.<n>} and {@code modifiedAt.<n>} (epoch seconds) of the add-on feed of n add-ons as last built. */
    public static String feedVersion(String shop) {
        return prefix(shop) + "feed-version";
    }

    /** String: present once an order's "Triad Offers Ready" event was taken on for sending (kept 30 days). */
    public static String klaviyoSent(String shop, String orderId) {
        return prefix(shop) + "klaviyo-sent:" + orderId;
    }

    /** String: present once a connect token of the shop has been used (kept until the token would expire). */
    public static String connectTokenUsed(String shop, String tokenDigest) {
        return prefix(shop) + "connect-used:" + tokenDigest;
    }

    /** String: the group ({@code exposed} or {@code holdout}) of a session that asked for offers. */
    public static String session(String shop, String visitor) {
        return prefix(shop) + "session:" + visitor;
    }

    /**
     * String: what a customer (hash) bought, read by the offer MGET ({@code events.PurchaseHistory}).
     * Replaces {@link #customer}, a set of the products alone, which privacy requests still erase.
     */
    public static String history(String shop, String customer) {
        return prefix(shop) + "history:" + customer;
    }

    /** Set: the products a customer (hash) has bought; written before purchase histories, no longer. */
    public static String customer(String shop, String customer) {
        return prefix(shop) + "customer:" + customer;
    }

    /** Hash: the offer funnel and the orders of one UTC day ({@code yyyy-MM-dd}). */
    public static String stats(String shop, String day) {
        return prefix(shop) + "stats:" + day;
    }

    /** String: present once an order's statistics are counted, so a replayed order counts once. */
    public static String orderCounted(String shop, String orderId) {
        return prefix(shop) + "order-counted:" + orderId;
    }

    /** String: present once a webhook delivery's effect is stored. */
    /** When the product last changed, as far as the applied webhooks tell (epoch milliseconds). */
    public static String productChanged(String shop, String productId) {
        return prefix(shop) + "product-changed:" + productId;
    }

    public static String delivery(String shop, String deliveryId) {
        return prefix(shop) + "delivery:" + deliveryId;
    }

    /** String: what Triad holds on a customer, kept for the merchant after a privacy data request. */
    public static String dataRequest(String shop, String requestId) {
        return prefix(shop) + "data-request:" + requestId;
    }

    /**
     * String: the shop a Shopify-wide id ({@code kind} order, product or shop) was first seen with in
     * a signed delivery. Shopify's ids are unique across all stores, so one id never belongs to two
     * shops; this key has no shop hash tag, it is shared by all shops.
     */
    /**
     * Hash: Shopify inventory item id → what Triad knows of it: {@code productId variantId policy
     * active quantity tracked} (tracked: 1, 0 or - for not known yet).
     */
    public static String inventoryItems(String shop) {
        return prefix(shop) + "inventory-items";
    }

    /** Hash: a Shopify inventory item's available quantity per location id. */
    public static String inventoryLevels(String shop, String inventoryItemId) {
        return prefix(shop) + "inventory-levels:" + inventoryItemId;
    }

    public static String shopifyOwner(String kind, String id) {
        return "triad:shopify-owner:" + kind + ":" + id;
    }

    /** List: the newest deliveries of the shop that Triad could never process, with the reason. */
    public static String rejected(String shop) {
        return prefix(shop) + "rejected";
    }

    /** Counter: how many visitors' dismissals and adds the shop began to remember on {@code day}. */
    /** Hash: the events already counted for one offer answer (its request id), kept while the id is valid. */
    public static String answerEvents(String shop, String requestId) {
        return prefix(shop) + "answer-events:" + requestId;
    }

    /** The UTC day {@code instant} falls on, as daily keys name it ({@code 2026-12-01}). */
    public static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    public static String visitorsRemembered(String shop, String day) {
        return prefix(shop) + "visitors-remembered:" + day;
    }
}
