package dev.triad.offer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.triad.sheet.Candidate;

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

    /** The same selection with its offers' candidates as {@code display} shows them. */
    public Selection displayed(UnaryOperator<Candidate> display) {
        List<Offer> shown = new ArrayList<>(offers.size());
        for (Offer offer : offers) {
            shown.add(offer.displayed(display));
        }
        return new Selection(List.copyOf(shown), recommended, freeShippingThreshold, freeShippingRemaining);
    }
}
