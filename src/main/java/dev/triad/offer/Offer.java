package dev.triad.offer;

import java.math.BigDecimal;
import java.util.List;

import dev.triad.sheet.Candidate;

/** One of the (at most three) options shown to the shopper; {@code extra} is what it adds to the order. */
public sealed interface Offer {

    BigDecimal extra();

    /** A single complement added to the cart. */
    record AddOn(Candidate item, BigDecimal extra) implements Offer {
    }

    /** Two complements together at the shop's bundle discount. */
    record Bundle(List<Candidate> items, BigDecimal price, BigDecimal extra, int discountPercent) implements Offer {
    }

    /** A better version that replaces {@code replaces}; {@code extra} is the difference for the whole line. */
    record Upgrade(Candidate item, CartLine replaces, BigDecimal extra) implements Offer {
    }
}
