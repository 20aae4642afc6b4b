package dev.triad.mining;

import java.util.HashMap;
import java.util.Map;

import dev.triad.sheet.Candidate;

/**
 * Which products their buyers buy again, and how often: learnt by a rebuild from the dated orders of
 * known customers in the order log. A product is a repeat purchase when at least {@value #MIN_BUYERS}
 * customers bought it and at least a fifth of them bought it on two days or more; its interval is the
 * median, over those who did, of their days between purchases. A product that many bought but
 * hardly any again (fewer than one in twenty) is a durable: once a customer owns it, it is not offered to them again (within the shop's
 * window). Of a product too few customers bought nothing is said.
 */
public final class RepeatPurchases {

    static final int MIN_BUYERS = 5;
    static final double MIN_REPEAT_SHARE = 0.2;
    /** Below this share of buyers buying again a product is a durable; between the two nothing is said. */
    static final double MAX_DURABLE_SHARE = 0.05;

    /** Product → customer → {first day, last day, distinct days bought}. */
    private final Map<String, Map<String, long[]>> byProduct = new HashMap<>();

    /** Takes one order; orders without a customer or a day teach nothing here. */
    public void add(Basket basket) {
        if (basket.customer() == null || basket.day() == Basket.NO_DAY) {
            return;
        }
        for (String product : basket.productIds()) {
            long[] seen = byProduct.computeIfAbsent(product, p -> new HashMap<>()).get(basket.customer());
            if (seen == null) {
                byProduct.get(product).put(basket.customer(), new long[] {basket.day(), basket.day(), 1});
            } else if (basket.day() < seen[0]) {
                seen[0] = basket.day();
                seen[2]++;
            } else if (basket.day() > seen[1]) {
                seen[1] = basket.day();
                seen[2]++;
            }
        }
    }

    /** Days between purchases of every repeat product (at least 1), and {@link Candidate#DURABLE} for durables. */
    public Map<String, Integer> intervals() {
        Map<String, Integer> intervals = new HashMap<>();
        byProduct.forEach((product, buyers) -> {
            if (buyers.size() < MIN_BUYERS) {
                return;
            }
            double[] gaps = buyers.values().stream().filter(b -> b[2] >= 2)
                    .mapToDouble(b -> (double) (b[1] - b[0]) / (b[2] - 1)).sorted().toArray();
            if (gaps.length >= MIN_REPEAT_SHARE * buyers.size()) {
                intervals.put(product, (int) Math.max(1, Math.round(median(gaps))));
            } else if (gaps.length < MAX_DURABLE_SHARE * buyers.size()) {
                intervals.put(product, Candidate.DURABLE);
            }
        });
        return intervals;
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
