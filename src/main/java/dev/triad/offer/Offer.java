package dev.triad.offer;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.triad.sheet.Candidate;

/** One of the (at most three) options shown to the shopper; {@code extra} is what it adds to the order. */
public sealed interface Offer {

    BigDecimal extra();

    /** This offer with its candidates as {@code display} shows them (with title, image and link). */
    Offer displayed(UnaryOperator<Candidate> display);

    /**
     * A single complement added to the cart; {@code everyDays} &gt; 0 when it is something this customer
     * buys again about that often and is due for ("buy it again"); {@code discountPercent} &gt; 0 when a
     * limited-time discount takes that much off its price ({@code extra} is then the discounted price).
     */
    record AddOn(Candidate item, BigDecimal extra, long everyDays, int discountPercent) implements Offer {

        public AddOn(Candidate item, BigDecimal extra) {
            this(item, extra, 0, 0);
        }

        @Override
        public AddOn displayed(UnaryOperator<Candidate> display) {
            return new AddOn(display.apply(item), extra, everyDays, discountPercent);
        }
    }

    /** Two complements together at the shop's bundle discount. */
    record Bundle(List<Candidate> items, BigDecimal price, BigDecimal extra, int discountPercent) implements Offer {
        @Override
        public Bundle displayed(UnaryOperator<Candidate> display) {
            return new Bundle(items.stream().map(display).toList(), price, extra, discountPercent);
        }
    }

    /** A better version that replaces {@code replaces}; {@code extra} is the difference for the whole line. */
    record Upgrade(Candidate item, CartLine replaces, BigDecimal extra) implements Offer {
        @Override
        public Upgrade displayed(UnaryOperator<Candidate> display) {
            return new Upgrade(display.apply(item), replaces, extra);
        }
    }
}
