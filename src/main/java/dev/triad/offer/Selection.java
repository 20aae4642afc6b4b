package dev.triad.offer;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer of the rule of three: offers in ascending extra spend (tier = index + 1), the one
 * at {@code recommended} highlighted (-1 when fewer than two), and the free-shipping gap.
 *
 * @param freeShippingRemaining null when the shop has no free-shipping threshold
 */
public record Selection(List<Offer> offers, int recommended, BigDecimal freeShippingThreshold,
        BigDecimal freeShippingRemaining) {

    public static Selection none() {
        return new Selection(List.of(), -1, null, null);
    }
}
