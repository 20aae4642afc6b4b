package dev.triad.offer;

import java.util.List;

/** The body of {@code POST /v1/shops/{shop}/offers}, as sent; {@link OfferQuery#of} validates it. */
public record OfferRequest(
        String placement,
        String currency,
        List<Line> cart,
        String customerId,
        String sessionId) {

    /** One cart line as sent: {@code price} is a decimal string. */
    public record Line(String productId, String variantId, Integer quantity, String price) {
    }
}
