package dev.triad.shop;

/**
 * A merchant changed which options are tiers ({@link ShopSettings#tierOptions},
 * {@link ShopSettings#nonTierOptions}): every sheet's fits are re-mined, once the answer is sent.
 */
public record OptionListsChanged(String shop, ShopSettings settings) {
}
