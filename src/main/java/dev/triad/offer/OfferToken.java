package dev.triad.offer;

import java.math.BigDecimal;
import java.util.List;

/**
 * The discount an offer showed, as its signed token carries it: what the platform must charge, on what,
 * and until when. Amounts are in the shop's currency ({@code currency}), as the platform's discounts are.
 *
 * @param kind      {@code bundle} or {@code add_on}
 * @param expiresAt epoch seconds after which the discount is no longer given
 * @param saving    what the offer took off the items' price: the platform charges their price less this
 * @param lines     the items the discount is for, each once, in the offer's order
 */
public record OfferToken(String shop, String kind, long expiresAt, String currency, BigDecimal saving,
        List<Line> lines) {

    public OfferToken {
        lines = List.copyOf(lines);
    }

    /** One item of the offer; {@code variantId} null when the offer names only the product. */
    public record Line(String productId, String variantId, BigDecimal price) {
    }

    /** The items' price before the discount. */
    public BigDecimal price() {
        return lines.stream().map(Line::price).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
