package dev.triad.mining;

import java.util.Arrays;
import java.util.List;

/** One order as mining sees it: its id and the distinct products it held. */
public record Basket(String orderId, List<String> productIds) {

    /**
     * Most products of one order that mining counts (the first ones): an order of n products is
     * n(n-1)/2 pairs, so one order of thousands would cost more memory than a million ordinary ones.
     */
    public static final int MAX_PRODUCTS = 50;

    public Basket {
        productIds = productIds.size() > MAX_PRODUCTS ? List.copyOf(productIds.subList(0, MAX_PRODUCTS)) : productIds;
    }

    public String encode() {
        return String.join(" ", productIds);
    }

    public static Basket decode(String orderId, String encoded) {
        return new Basket(orderId, encoded.isEmpty() ? List.of() : Arrays.asList(encoded.split(" ")));
    }
}
