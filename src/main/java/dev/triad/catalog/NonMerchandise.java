package dev.triad.catalog;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Order lines that are not goods a shopper could be offered: postage and carriage, fees and charges,
 * discounts and adjustments, gift cards, "manual" lines. Order histories are full of them (UCI Online
 * Retail's POST, DOT, M, C2, BANK CHARGES, AMAZONFEE, D, S, B; Shopify's shipping and gift-card lines);
 * learnt as products they came back as add-ons. Such lines still count as part of their order, but
 * Triad learns no product from them, so no sheet ever offers one.
 */
public final class NonMerchandise {

    /** Whole titles that name a service, not goods. */
    private static final Set<String> TITLES = Set.of("manual", "postage", "dotcom postage", "carriage", "bank charges",
            "amazon fee", "discount", "samples", "adjust bad debt", "cruk commission", "shipping", "delivery",
            "gift card", "gift voucher", "tip");
    /** Phrases that mark a service anywhere in a title. */
    private static final Pattern PHRASES = Pattern.compile(
            "\\b(postage|gift ?cards?|gift vouchers?|shipping (fee|charge|cost)s?|delivery (fee|charge)s?|carriage charges?)\\b");

    private NonMerchandise() {
    }

    /** Whether a line titled {@code title} is a service rather than goods; an untitled line is goods. */
    public static boolean is(String title) {
        if (title == null || title.isBlank()) {
            return false;
        }
        String t = title.strip().toLowerCase(Locale.ROOT);
        return TITLES.contains(t) || PHRASES.matcher(t).find();
    }
}
