package dev.triad.offer;

import java.math.BigDecimal;

/** A validated line of the shopper's cart; {@code price} is the unit price in the cart's currency. */
public record CartLine(String productId, String variantId, int quantity, BigDecimal price) {

    public BigDecimal total() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }
}
