package dev.triad.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Order webhook bodies built for a test, shaped as Shopify and WooCommerce send them. */
public final class Orders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Orders() {
    }

    /** A Shopify {@code orders/create} body: lines are product id and price pairs, quantity 1. */
    public static String shopify(String id, String customerId, String cartToken, String... productsAndPrices) {
        List<Map<String, Object>> lines = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < productsAndPrices.length; i += 2) {
            lines.add(Map.of("id", 1000 + i, "product_id", productsAndPrices[i], "variant_id", "v-" + productsAndPrices[i],
                    "title", productsAndPrices[i], "quantity", 1, "price", productsAndPrices[i + 1]));
            total += Double.parseDouble(productsAndPrices[i + 1]);
        }
        Map<String, Object> order = new java.util.HashMap<>(Map.of("id", id, "line_items", lines,
                "total_price", String.format(java.util.Locale.ROOT, "%.2f", total), "currency", "USD",
                "created_at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString()));
        if (customerId != null) {
            order.put("customer", Map.of("id", customerId));
        }
        if (cartToken != null) {
            order.put("cart_token", cartToken);
        }
        return json(order);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
