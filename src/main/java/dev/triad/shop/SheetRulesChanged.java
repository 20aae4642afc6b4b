package dev.triad.shop;

/**
 * A merchant changed what shapes every sheet — which options are tiers ({@link ShopSettings#tierOptions},
 * {@link ShopSettings#nonTierOptions}) or what is never offered ({@link ShopSettings#neverOffer}): the
 * shop's sheets are re-mined, once the answer is sent.
 */
public record SheetRulesChanged(String shop, ShopSettings settings) {
}
