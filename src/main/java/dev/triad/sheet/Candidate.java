package dev.triad.sheet;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One product an offer sheet may propose, with everything the offer path needs to show it:
 * no second read is ever made for a candidate.
 *
 * @param productId   the proposed product
 * @param variantId   the variant that would be added (for upgrades: the one that replaces the cart line)
 * @param title       shown on the card
 * @param price       unit price in the shop's currency, exact
 * @param inStock     false candidates are kept (so a restock is a patch) but never offered
 * @param pinned      placed by the merchant, ranked ahead of mined candidates
 * @param score       association score of a mined complement or closeness of an upgrade; 0 for pins
 * @param pairCount   orders that held both products (the "bought together by N" evidence)
 * @param fit         the variant's options an upgrade must keep ({@link Fit}); null when it has none
 * @param repeatDays  how often its buyers buy it again, in days (learnt by a rebuild); {@link #DURABLE}
 *                    for a product its buyers buy once (never offered to a customer who owns it); 0 when
 *                    too few customers bought it to tell
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Candidate(
        String productId,
        String variantId,
        String title,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        String image,
        String url,
        boolean inStock,
        boolean pinned,
        double score,
        int pairCount,
        Double rating,
        Integer reviewCount,
        String fit,
        int repeatDays) {

    /** {@link #repeatDays} of a product its buyers buy once. */
    public static final int DURABLE = -1;

    /** A candidate whose repeat purchases are not known. */
    public Candidate(String productId, String variantId, String title, BigDecimal price, String image, String url,
            boolean inStock, boolean pinned, double score, int pairCount, Double rating, Integer reviewCount,
            String fit) {
        this(productId, variantId, title, price, image, url, inStock, pinned, score, pairCount, rating, reviewCount,
                fit, 0);
    }

    /** A candidate of a variant without kept options. */
    public Candidate(String productId, String variantId, String title, BigDecimal price, String image, String url,
            boolean inStock, boolean pinned, double score, int pairCount, Double rating, Integer reviewCount) {
        this(productId, variantId, title, price, image, url, inStock, pinned, score, pairCount, rating, reviewCount,
                null, 0);
    }

    /** This candidate with mined evidence attached. */
    public Candidate scored(double newScore, int newPairCount) {
        return new Candidate(productId, variantId, title, price, image, url, inStock, pinned, newScore, newPairCount,
                rating, reviewCount, fit, repeatDays);
    }

    /** This candidate with how often its buyers buy it again ({@link #DURABLE}: once; 0: not known). */
    public Candidate repeatedEvery(int days) {
        return new Candidate(productId, variantId, title, price, image, url, inStock, pinned, score, pairCount,
                rating, reviewCount, fit, days);
    }

    /** Whether this candidate may be shown at all: in stock and priced above zero. */
    public boolean offerable() {
        return inStock && price != null && price.signum() > 0;
    }
}
