package dev.triad.offer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * The body of a 200 answer of the offer path: the rule-of-three offers and the free-shipping gap.
 * Written by {@link OfferResponseJson}, exactly as these records and their annotations describe.
 */
@JsonSerialize(using = OfferResponseJson.class)
public record OfferResponse(
        String requestId,
        String shop,
        String placement,
        List<View> offers,
        @JsonInclude(JsonInclude.Include.NON_NULL) FreeShipping freeShipping,
        boolean holdout,
        boolean degraded) {

    /**
     * One offer card. Fields that do not apply to its kind are left out. An offer with a discount carries
     * {@code token}, the signed offer the platform charges by ({@link OfferTokens}), valid until
     * {@code expiresAt}; a limited-time offer also carries {@code countdown}, the seconds left of it when
     * the answer was made (the widget counts down from it, not from the shopper's clock).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
            int tier,
            String kind,
            Boolean recommended,
            String replaces,
            String productId,
            String variantId,
            String title,
            String image,
            String url,
            List<Item> items,
            String price,
            String extra,
            Integer discountPercent,
            String token,
            String expiresAt,
            Long countdown,
            String reason,
            Map<String, Object> evidence) {
    }

    /** A product inside a bundle. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String productId, String variantId, String title, String image, String url, String price) {
    }

    /** How far the cart is from free shipping; {@code remaining} is "0.00" once it is reached. */
    public record FreeShipping(String threshold, String remaining) {
    }
}
