package dev.triad.store;

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
}
