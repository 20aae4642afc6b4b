package dev.triad.shop;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What a merchant tunes about the offers of a shop.
 *
 * @param stepBandPercent        an upgrade costs at most this much more than the line it replaces (0-500, default 60)
 * @param bundleDiscountPercent  discount on a bundle of two complements (0-90, default 10)
 * @param freeShippingThreshold  order subtotal that ships free, in the shop's currency; null for no nudge
 * @param holdoutPercent         share of sessions that see no offers, to measure uplift (0-50, default 0)
 * @param tierOptions            option names whose pricier values are upgrades, on top of the default
 *                               reading (storage, edition, pack …); at most 20, none by default
 * @param nonTierOptions         option names an upgrade must keep, on top of the default size-like names
 *                               (size, colour, fit … in six languages); at most 20, none by default
 * @param neverOffer             words or phrases (any case): a product whose title holds one is never offered
 *                               (a "Shipping protection" product of an app, a "Sample"), on top of postage,
 *                               fees and gift cards; at most 50, none by default
 * @param ownedWindowDays        a customer who bought a durable product (one not bought again by its
 *                               buyers) within this many days is not offered it (0-730, default 365; 0: off)
 * @param limitedTimeMinutes     a limited-time offer: the add-on takes {@code limitedTimePercent} off for this many
 *                               minutes from a visitor's first offers, with a countdown (0: off, the default;
 *                               else 5-120); one countdown per visitor and day, never restarted by a reload
 * @param limitedTimePercent     the limited-time discount on the add-on (1-50, default 10)
 */
public record ShopSettings(
        int stepBandPercent,
        int bundleDiscountPercent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal freeShippingThreshold,
        int holdoutPercent,
        List<String> tierOptions,
        List<String> nonTierOptions,
        List<String> neverOffer,
        int ownedWindowDays,
        int limitedTimeMinutes,
        int limitedTimePercent) {

    public static final int OWNED_WINDOW_DAYS = 365;
    public static final int LIMITED_TIME_PERCENT = 10;

    public static final ShopSettings DEFAULTS = new ShopSettings(60, 10, null, 0);

    /** Shops stored before the option lists read as having none, and without a limited-time discount. */
    public ShopSettings {
        limitedTimePercent = limitedTimePercent == 0 ? LIMITED_TIME_PERCENT : limitedTimePercent;
        tierOptions = List.copyOf(tierOptions == null ? List.of() : tierOptions);
        nonTierOptions = List.copyOf(nonTierOptions == null ? List.of() : nonTierOptions);
        neverOffer = List.copyOf(neverOffer == null ? List.of() : neverOffer);
    }

    public ShopSettings(int stepBandPercent, int bundleDiscountPercent, BigDecimal freeShippingThreshold,
            int holdoutPercent) {
        this(stepBandPercent, bundleDiscountPercent, freeShippingThreshold, holdoutPercent, List.of(), List.of(),
                List.of(), OWNED_WINDOW_DAYS, 0, LIMITED_TIME_PERCENT);
    }

    public ShopSettings(int stepBandPercent, int bundleDiscountPercent, BigDecimal freeShippingThreshold,
            int holdoutPercent, List<String> tierOptions, List<String> nonTierOptions) {
        this(stepBandPercent, bundleDiscountPercent, freeShippingThreshold, holdoutPercent, tierOptions, nonTierOptions,
                List.of(), OWNED_WINDOW_DAYS, 0, LIMITED_TIME_PERCENT);
    }
}
