package dev.triad.offer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.triad.events.PurchaseHistory;
import dev.triad.shop.ShopSettings;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;

/**
 * Chooses at most three offers at three levels of extra spend — a small add-on, a bundle of two
 * complements, an upgrade of a cart line — from the offer sheets of the cart's products.
 *
 * <p>Pure and deterministic: no I/O, no clock, no randomness; the same input gives the same
 * answer. It never offers a product or variant already in the cart, anything out of stock, priced
 * zero or dismissed, a durable the customer already owns, nor an upgrade beyond the shop's step band.
 * A product the customer buys again and is due for ("buy it again") is the add-on when the cart's
 * sheets name it. With few candidates it returns fewer offers rather than unrelated filler.
 */
public final class RuleOfThree {

    /** Complements beyond the best few are too weakly related to be worth a card. */
    static final int RELEVANT_COMPLEMENTS = 3;

    private final ShopSettings settings;
    private final int fractionDigits;

    /** @param fractionDigits decimals of the cart's currency (2 for USD, 0 for JPY) */
    public RuleOfThree(ShopSettings settings, int fractionDigits) {
        this.settings = settings;
        this.fractionDigits = fractionDigits;
    }

    public Selection select(Cart cart, Map<String, OfferSheet> sheets, Set<String> dismissed) {
        return select(cart, sheets, dismissed, Map.of(), 0);
    }

    /** @param bought the customer's purchases by product id; {@code today} epoch day */
    public Selection select(Cart cart, Map<String, OfferSheet> sheets, Set<String> dismissed,
            Map<String, PurchaseHistory.Bought> bought, long today) {
        return select(cart, sheets, dismissed, bought, today, 0);
    }

    /** @param limitedTimePercent the add-on's limited-time discount while it runs; 0 for none */
    public Selection select(Cart cart, Map<String, OfferSheet> sheets, Set<String> dismissed,
            Map<String, PurchaseHistory.Bought> bought, long today, int limitedTimePercent) {
        List<String> productIds = cart.productIds();
        CustomerHistory history = bought.isEmpty() ? CustomerHistory.NONE
                : new CustomerHistory(bought, today, settings.ownedWindowDays());
        Exclusions exclusions = new Exclusions(productIds, cart, dismissed, history);
        Map<String, Ranked> merged = merged(productIds, sheets, exclusions);
        Ranked again = dueAgain(merged, history);
        List<Candidate> complements = best(merged, again);
        BigDecimal remaining = freeShippingRemaining(cart);

        List<Offer> offers = new ArrayList<>(3);
        Candidate addOn = again != null ? again.candidate : complements.isEmpty() ? null : addOn(complements, remaining);
        Set<String> shown = new HashSet<>();
        if (addOn != null) {
            offers.add(new Offer.AddOn(addOn, discounted(addOn.price(), limitedTimePercent),
                    again == null ? 0 : history.dueEvery(addOn), limitedTimePercent));
            shown.add(addOn.productId());
            if (complements.size() >= 2) {
                offers.add(bundle(complements.get(0), complements.get(1)));
                shown.add(complements.get(0).productId());
                shown.add(complements.get(1).productId());
            }
        }
        Offer upgrade = new UpgradeLadder(settings.stepBandPercent(), this::money).upgrade(cart, sheets, exclusions);
        if (upgrade != null) {
            offers.add(upgrade);
        } else if (offers.size() == 2) {
            // No upgrade: a third choice among the complements not shown yet, rather than nothing.
            complements.stream().filter(c -> !shown.contains(c.productId())).findFirst()
                    .ifPresent(next -> offers.add(new Offer.AddOn(next, money(next.price()))));
        }
        offers.sort(Comparator.comparing(Offer::extra));
        int recommended = offers.size() >= 2 ? 1 : -1;
        return new Selection(List.copyOf(offers), recommended,
                settings.freeShippingThreshold() == null ? null : money(settings.freeShippingThreshold()), remaining);
    }

    /** Complements of every cart product the shopper may be offered, merged by product. */
    private Map<String, Ranked> merged(List<String> productIds, Map<String, OfferSheet> sheets,
            Exclusions exclusions) {
        Map<String, Ranked> merged = new HashMap<>();
        for (String productId : productIds) {
            OfferSheet sheet = sheets.get(productId);
            if (sheet == null) {
                continue;
            }
            for (Candidate c : sheet.complements()) {
                if (exclusions.allows(c)) {
                    Ranked ranked = merged.get(c.productId());
                    if (ranked == null) {
                        ranked = new Ranked(c, merged.size());
                        merged.put(c.productId(), ranked);
                    }
                    ranked.add(c);
                }
            }
        }
        return merged;
    }

    /** Of the merged complements, the best-ranked one this customer is due to buy again; null for none. */
    private static Ranked dueAgain(Map<String, Ranked> merged, CustomerHistory history) {
        if (history.bought().isEmpty()) {
            return null;
        }
        Ranked due = null;
        for (Ranked ranked : merged.values()) {
            if (history.dueEvery(ranked.candidate) > 0 && (due == null || ranked.before(due))) {
                due = ranked;
            }
        }
        return due;
    }

    /**
     * The best few merged complements but {@code left}: pinned first, then by summed score, then first
     * seen. Kept in one pass (no sort of the whole merge: a cart of five holds a hundred).
     */
    private static List<Candidate> best(Map<String, Ranked> merged, Ranked left) {
        Ranked[] best = new Ranked[RELEVANT_COMPLEMENTS];
        int kept = 0;
        for (Ranked ranked : merged.values()) {
            if (ranked == left) {
                continue;
            }
            if (kept == best.length && !ranked.before(best[kept - 1])) {
                continue;
            }
            int at = kept < best.length ? kept++ : kept - 1;
            for (; at > 0 && ranked.before(best[at - 1]); at--) {
                best[at] = best[at - 1];
            }
            best[at] = ranked;
        }
        List<Candidate> ranked = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            ranked.add(best[i].candidate);
        }
        return ranked;
    }

    /** The best complement, unless a relevant one closes the free-shipping gap: then the cheapest such. */
    private Candidate addOn(List<Candidate> complements, BigDecimal remaining) {
        if (remaining != null && remaining.signum() > 0) {
            return complements.stream()
                    .filter(c -> c.price().compareTo(remaining) >= 0)
                    .min(Comparator.comparing(Candidate::price))
                    .orElse(complements.get(0));
        }
        return complements.get(0);
    }

    private Offer.Bundle bundle(Candidate first, Candidate second) {
        BigDecimal price = money(first.price().add(second.price()));
        int discount = settings.bundleDiscountPercent();
        return new Offer.Bundle(List.of(first, second), price, discounted(price, discount), discount);
    }

    /** {@code price} less {@code percent} %, in the currency's decimals. */
    private BigDecimal discounted(BigDecimal price, int percent) {
        return money(price.multiply(BigDecimal.valueOf(100L - percent)).movePointLeft(2));
    }

    private BigDecimal freeShippingRemaining(Cart cart) {
        BigDecimal threshold = settings.freeShippingThreshold();
        if (threshold == null) {
            return null;
        }
        return money(threshold.subtract(cart.subtotal()).max(BigDecimal.ZERO));
    }

    private BigDecimal money(BigDecimal amount) {
        return amount.setScale(fractionDigits, RoundingMode.HALF_UP);
    }

    /** A complement merged across the sheets of several cart products. */
    private static final class Ranked {
        final Candidate candidate;
        final int firstSeen;
        boolean pinned;
        double score;

        Ranked(Candidate candidate, int firstSeen) {
            this.candidate = candidate;
            this.firstSeen = firstSeen;
        }

        void add(Candidate c) {
            pinned |= c.pinned();
            score += c.score();
        }

        /** Ranks ahead of {@code other}: pinned first, then the higher summed score, then the one seen first. */
        boolean before(Ranked other) {
            if (pinned != other.pinned) {
                return pinned;
            }
            int byScore = Double.compare(other.score, score);
            return byScore != 0 ? byScore < 0 : firstSeen < other.firstSeen;
        }
    }
}
