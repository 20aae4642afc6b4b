package dev.triad.offer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.triad.base.Money;
import dev.triad.sheet.Candidate;

/** Turns a {@link Selection} into the cards of the HTTP answer, money shown in the cart's currency ({@link Presentment}). */
final class OfferViews {

    private final Presentment presentment;
    private final DiscountTerms terms;

    /** Cards without offer tokens: for a warm-up or a benchmark, which charge nobody. */
    OfferViews(Presentment presentment) {
        this(presentment, null);
    }

    OfferViews(Presentment presentment, DiscountTerms terms) {
        this.presentment = presentment;
        this.terms = terms;
    }

    List<OfferResponse.View> of(Selection selection) {
        List<OfferResponse.View> views = new ArrayList<>(selection.offers().size());
        for (int i = 0; i < selection.offers().size(); i++) {
            Boolean recommended = i == selection.recommended() ? Boolean.TRUE : null;
            views.add(view(i + 1, recommended, selection.offers().get(i)));
        }
        return views;
    }

    OfferResponse.FreeShipping freeShipping(Selection selection) {
        if (selection.freeShippingThreshold() == null) {
            return null;
        }
        return new OfferResponse.FreeShipping(money(selection.freeShippingThreshold()),
                money(selection.freeShippingRemaining()));
    }

    private OfferResponse.View view(int tier, Boolean recommended, Offer offer) {
        // Java 17 has no pattern switch; the sealed interface keeps this chain exhaustive in spirit.
        if (offer instanceof Offer.AddOn a) {
            Integer percent = null;
            String token = null;
            String expiresAt = null;
            Long countdown = null;
            if (terms != null && a.discountPercent() > 0) {
                percent = a.discountPercent();
                token = terms.tokens().mint(new OfferToken(terms.shop(), "add_on", terms.limitedEndsAt(), terms.currency(),
                        a.item().price().subtract(a.extra()), List.of(line(a.item()))));
                expiresAt = terms.expiry(terms.limitedEndsAt());
                countdown = terms.limitedEndsAt() - terms.now();
            }
            return new OfferResponse.View(tier, "add_on", recommended, null,
                    a.item().productId(), a.item().variantId(), a.item().title(), a.item().image(), a.item().url(),
                    null, money(a.item().price()), money(a.extra()), percent, token, expiresAt, countdown,
                    a.everyDays() > 0 ? "buy_again" : reason(a.item()),
                    a.everyDays() > 0 ? Map.of("everyDays", a.everyDays()) : evidence(a.item()));
        }
        if (offer instanceof Offer.Bundle b) {
            String token = null;
            String expiresAt = null;
            if (terms != null && b.discountPercent() > 0) {
                token = terms.tokens().mint(new OfferToken(terms.shop(), "bundle", terms.bundleExpiresAt(),
                        terms.currency(), b.price().subtract(b.extra()), b.items().stream().map(OfferViews::line).toList()));
                expiresAt = terms.expiry(terms.bundleExpiresAt());
            }
            return new OfferResponse.View(tier, "bundle", recommended, null,
                    null, null, null, null, null, b.items().stream().map(this::item).toList(),
                    money(b.price()), money(b.extra()), b.discountPercent(), token, expiresAt, null, "bundle", null);
        }
        Offer.Upgrade u = (Offer.Upgrade) offer;
        return new OfferResponse.View(tier, "upgrade", recommended, replaced(u.replaces()),
                u.item().productId(), u.item().variantId(), u.item().title(), u.item().image(), u.item().url(),
                null, money(u.item().price()), money(u.extra()), null, null, null, null, "next_tier",
                evidence(u.item()));
    }

    private static OfferToken.Line line(Candidate c) {
        return new OfferToken.Line(c.productId(), c.variantId(), c.price());
    }

    private static String replaced(CartLine line) {
        return line.variantId() != null ? line.variantId() : line.productId();
    }

    private OfferResponse.Item item(Candidate c) {
        return new OfferResponse.Item(c.productId(), c.variantId(), c.title(), c.image(), c.url(), money(c.price()));
    }

    private static String reason(Candidate c) {
        if (c.pairCount() > 0) {
            return "bought_together";
        }
        return c.pinned() ? "merchant_pick" : "goes_with";
    }

    private static Map<String, Object> evidence(Candidate c) {
        Map<String, Object> evidence = new LinkedHashMap<>(4);
        if (c.pairCount() > 0) {
            evidence.put("boughtTogether", c.pairCount());
        }
        if (c.rating() != null) {
            evidence.put("rating", c.rating());
        }
        if (c.reviewCount() != null) {
            evidence.put("reviewCount", c.reviewCount());
        }
        return evidence.isEmpty() ? null : evidence;
    }

    private String money(BigDecimal amount) {
        return Money.format(presentment.shown(amount));
    }
}
