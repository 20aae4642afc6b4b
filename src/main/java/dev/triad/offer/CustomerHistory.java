package dev.triad.offer;

import java.util.Map;

import dev.triad.events.PurchaseHistory.Bought;
import dev.triad.sheet.Candidate;

/**
 * What a customer's purchases say about a candidate, today: a durable product ({@link Candidate#DURABLE})
 * they bought within the shop's window is theirs already; a product bought again (by its buyers, {@link Candidate#repeatDays})
 * that this customer bought is due again once most of their usual interval has passed.
 *
 * @param bought     the customer's purchases by product id (empty for a visitor not known as a customer)
 * @param today      epoch day
 * @param windowDays how long a durable counts as owned (0: never)
 */
record CustomerHistory(Map<String, Bought> bought, long today, int windowDays) {

    static final CustomerHistory NONE = new CustomerHistory(Map.of(), 0, 0);

    /** Share of the usual interval after which a repeat purchase is due: a reminder shortly before one runs out. */
    static final double DUE_AT = 0.8;
    /** Past this many intervals the customer has stopped buying it (or buys it elsewhere): no reminder. */
    static final double LAPSED_AFTER = 2.0;

    /** Whether the customer bought {@code c}, a durable, within the window. */
    boolean owns(Candidate c) {
        Bought b = bought.isEmpty() || c.repeatDays() != Candidate.DURABLE ? null : bought.get(c.productId());
        return b != null && windowDays > 0 && today - b.lastDay() <= windowDays;
    }

    /**
     * How often this customer buys {@code c} — a product its buyers buy again, that this customer
     * bought on two days or more — when they are due for it (most of their interval has passed, and
     * not so much that they have stopped); 0 otherwise.
     */
    long dueEvery(Candidate c) {
        Bought b = c.repeatDays() <= 0 || bought.isEmpty() ? null : bought.get(c.productId());
        if (b == null || b.interval() == 0) {
            return 0;
        }
        long every = b.interval();
        long since = today - b.lastDay();
        return since >= Math.ceil(DUE_AT * every) && since <= LAPSED_AFTER * every ? every : 0;
    }
}
