package dev.triad.catalog;

import java.util.List;
import java.util.Locale;

import dev.triad.shop.ShopSettings;

/**
 * A shop's rules for its sheets: which options are tiers ({@link OptionKinds}), and what is never
 * offered — services rather than goods ({@link NonMerchandise}) and any product whose title holds one
 * of the shop's own never-offer words ("Shipping protection", "Sample").
 */
public record ShopRules(OptionKinds kinds, List<String> neverOffer) {

    public static final ShopRules DEFAULT = new ShopRules(OptionKinds.DEFAULT, List.of());

    public ShopRules {
        neverOffer = neverOffer.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
    }

    public static ShopRules of(ShopSettings settings) {
        return new ShopRules(OptionKinds.of(settings), settings.neverOffer());
    }

    /** Whether a product titled {@code title} may appear in another product's offers. */
    public boolean offers(String title) {
        if (NonMerchandise.is(title)) {
            return false;
        }
        if (title == null || neverOffer.isEmpty()) {
            return true;
        }
        String t = title.toLowerCase(Locale.ROOT);
        return neverOffer.stream().noneMatch(t::contains);
    }
}
