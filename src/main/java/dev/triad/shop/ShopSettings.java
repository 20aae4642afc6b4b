package dev.triad.shop;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What a merchant tunes about the offers of a shop.
 *
 * @param stepBandPercent        an upgrade costs at most this much more than the line it replaces (0-500, default 60)
 * @param bundleDiscountPercent  discount on a bundle of two complements (0-90, default 10)
 * @param freeShippingThreshold  order subtotal that ships free, in the shop's currency; null for no nudge
 * @param holdoutPercent         share of sessions that see no offers, to measure uplift (0-50, default 0)
 */
public record ShopSettings(
        int stepBandPercent,
        int bundleDiscountPercent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal freeShippingThreshold,
        int holdoutPercent) {

    public static final ShopSettings DEFAULTS = new ShopSettings(60, 10, null, 0);
}
