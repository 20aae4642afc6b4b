package dev.triad.offer;

import java.time.Instant;

/**
 * What the discounts of one answer are signed with: the shop, its currency, when a bundle's discount
 * expires, when the visitor's limited-time offer ends (0: none runs) and the time of the answer.
 */
record DiscountTerms(OfferTokens tokens, String shop, String currency, long bundleExpiresAt, long limitedEndsAt,
        long now) {

    String expiry(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }
}
