package dev.triad.mining;

/**
 * How strongly a product {@code b} goes with a product {@code a}, from co-purchase counts.
 *
 * <p>score(a → b) = c_ab / (c_a + K), the confidence P(b | a) shrunk toward zero by K = {@value #SHRINK}
 * pseudo-orders, for pairs seen in at least {@value #MIN_PAIR_COUNT} orders. Why this and not lift:
 * <ul>
 *   <li>lift = c_ab·N / (c_a·c_b) rewards rarity: two products bought once, together, get the
 *       highest lift of all. The minimum co-count removes one-off pairs, and the shrinkage makes a
 *       product seen in 3 orders vouch less than one seen in 3,000 when the rule of three sums the
 *       scores of several cart products;</li>
 *   <li>within one product's list the ranking is by how many of its buyers also bought b — what
 *       "frequently bought together" means to a shopper, and what predicts the next item best in
 *       the evaluation (README);</li>
 *   <li>it depends only on a's own counts, so an order re-ranks exactly the products it holds: the
 *       incremental update and the full rebuild publish identical sheets.</li>
 * </ul>
 * Support, confidence and lift are still computed for the product view, to explain each pair.
 */
public final class AssociationScore {

    public static final int SHRINK = 5;
    public static final int MIN_PAIR_COUNT = 2;

    private AssociationScore() {
    }

    public static double score(int pairCount, int productCount) {
        return (double) pairCount / (productCount + SHRINK);
    }

    /** The explanation of one pair: the textbook association-rule measures of a ⇒ b. */
    public record Evidence(String productId, double score, int pairCount, double support, double confidence,
            double lift) {

        public static Evidence of(String productId, int pairCount, int countA, int countB, long orders) {
            double support = orders == 0 ? 0 : (double) pairCount / orders;
            double confidence = countA == 0 ? 0 : (double) pairCount / countA;
            double lift = countA == 0 || countB == 0 ? 0 : (double) pairCount * orders / ((double) countA * countB);
            return new Evidence(productId, AssociationScore.score(pairCount, countA), pairCount, support, confidence,
                    lift);
        }
    }
}
