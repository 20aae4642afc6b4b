package dev.triad.offer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import dev.triad.sheet.Candidate;
import dev.triad.sheet.Fit;
import dev.triad.sheet.OfferSheet;

/**
 * The upgrade tier of the rule of three: a better version of a cart line, from the ladders of the
 * cart's sheets (the product's own pricier variants first, then better products), within the shop's
 * step band. Pure, like {@link RuleOfThree}.
 */
final class UpgradeLadder {

    private final int stepBandPercent;
    private final UnaryOperator<BigDecimal> money;

    /** @param money rounds an amount to the cart currency's digits */
    UpgradeLadder(int stepBandPercent, UnaryOperator<BigDecimal> money) {
        this.stepBandPercent = stepBandPercent;
        this.money = money;
    }

    /**
     * The first step up the ladder of the most expensive cart line that has one within the band. A
     * pricier variant of the line's own product must have the line's fit (differ in a tier option
     * only: 128 → 256 GB of the same colour, never a bigger size); another product must suit it (the
     * next model in the line's size), see {@link Fit}.
     */
    Offer upgrade(Cart cart, Map<String, OfferSheet> sheets, Exclusions exclusions) {
        List<CartLine> byPrice = new ArrayList<>(cart.lines());
        byPrice.sort(Comparator.comparing(CartLine::price).reversed());
        BigDecimal band = BigDecimal.valueOf(100L + stepBandPercent);
        for (CartLine line : byPrice) {
            OfferSheet sheet = sheets.get(line.productId());
            if (sheet == null) {
                continue;
            }
            BigDecimal ceiling = line.price().multiply(band).movePointLeft(2);
            Candidate held = heldVariant(sheet, line);
            String fit = held == null ? null : held.fit();
            for (Candidate c : sheet.upgrades()) {
                boolean sameProduct = c.productId().equals(line.productId());
                // A line that does not name its variant may hold any of them: a pricier variant of that
                // product could be the very one in the cart, so only other products are offered for it.
                boolean allowed = sameProduct
                        ? held != null && Objects.equals(c.fit(), fit) && exclusions.allowsVariantOf(c)
                        : Fit.suits(c.fit(), fit) && exclusions.allows(c);
                if (allowed && c.price().compareTo(line.price()) > 0 && c.price().compareTo(ceiling) <= 0) {
                    BigDecimal extra = c.price().subtract(line.price()).multiply(BigDecimal.valueOf(line.quantity()));
                    return new Offer.Upgrade(c, line, money.apply(extra));
                }
            }
        }
        return null;
    }

    /** The line's variant on its product's own ladder; null when the line does not name it or the ladder lacks it. */
    private static Candidate heldVariant(OfferSheet sheet, CartLine line) {
        if (line.variantId() == null) {
            return null;
        }
        for (Candidate c : sheet.upgrades()) {
            if (line.variantId().equals(c.variantId()) && c.productId().equals(line.productId())) {
                return c;
            }
        }
        return null;
    }
}
