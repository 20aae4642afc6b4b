package dev.triad.mining;

import java.util.Arrays;
import java.util.List;

/** One order as mining sees it: its id and the distinct products it held. */
public record Basket(String orderId, List<String> productIds) {

    public String encode() {
        return String.join(" ", productIds);
    }

    public static Basket decode(String orderId, String encoded) {
        return new Basket(orderId, encoded.isEmpty() ? List.of() : Arrays.asList(encoded.split(" ")));
    }
}
