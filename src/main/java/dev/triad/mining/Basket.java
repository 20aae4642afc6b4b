package dev.triad.mining;

import java.util.Arrays;
import java.util.List;

/**
 * One order as mining sees it: its id, the distinct products it held, and — when the source said —
 * its customer (the keyed hash that stands for them) and the day it was placed (epoch day), from which
 * a rebuild learns which products are bought again and how often ({@link RepeatPurchases}).
 */
public record Basket(String orderId, List<String> productIds, String customer, long day) {

    /**
     * Most products of one order that mining counts (the first ones): an order of n products is
     * n(n-1)/2 pairs, so one order of thousands would cost more memory than a million ordinary ones.
     */
    public static final int MAX_PRODUCTS = 50;

    /** {@link #day} of an order whose day is not known. */
    public static final long NO_DAY = -1;

    /** Product ids hold no spaces: two spaces part them from the order's customer and day. */
    private static final String ABOUT = "  ";

    public Basket {
        productIds = productIds.size() > MAX_PRODUCTS ? List.copyOf(productIds.subList(0, MAX_PRODUCTS)) : productIds;
    }

    public Basket(String orderId, List<String> productIds) {
        this(orderId, productIds, null, NO_DAY);
    }

    /** As the order log stores it: {@code p1 p2 p3}, then {@code   c=<customer> d=<day>} when known. */
    public String encode() {
        String products = String.join(" ", productIds);
        if (customer == null && day == NO_DAY) {
            return products;
        }
        return products + ABOUT + (customer == null ? "" : "c=" + customer + " ") + (day == NO_DAY ? "" : "d=" + day);
    }

    public static Basket decode(String orderId, String encoded) {
        int about = encoded.indexOf(ABOUT);
        String products = about < 0 ? encoded : encoded.substring(0, about);
        String customer = null;
        long day = NO_DAY;
        if (about >= 0) {
            for (String part : encoded.substring(about + ABOUT.length()).split(" ")) {
                if (part.startsWith("c=")) {
                    customer = part.substring(2);
                } else if (part.startsWith("d=")) {
                    day = Long.parseLong(part.substring(2));
                }
            }
        }
        return new Basket(orderId, products.isEmpty() ? List.of() : Arrays.asList(products.split(" ")), customer, day);
    }
}
