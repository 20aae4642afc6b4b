package dev.triad.offer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import dev.triad.problem.ProblemException;

/**
 * The currency the shopper sees. A cart in the shop's own currency is priced as stored. A cart in
 * another (Shopify Markets: {@code /cart.js} answers in the presentment currency) is taken into the
 * shop's currency by its {@code currencyRate} for the rule of three, and every amount of the answer
 * goes back out as the storefront converts: the shop's price times the rate, to the presentment
 * currency's minor unit. (A market with price rounding or fixed prices charges what its own rules
 * give; Triad's figures then differ by that rounding.)
 */
record Presentment(int shopDigits, BigDecimal rate, int digits) {

    /** Amounts shown as stored, to {@code digits} decimals. */
    static Presentment inShopCurrency(int digits) {
        return new Presentment(digits, null, digits);
    }

    static Presentment of(String shopCurrency, OfferQuery query) {
        if (shopCurrency.equals(query.currency().getCurrencyCode())) {
            return inShopCurrency(Math.max(0, query.currency().getDefaultFractionDigits()));
        }
        int shopDigits = Math.max(0, Currency.getInstance(shopCurrency).getDefaultFractionDigits());
        if (query.currencyRate() == null) {
            throw new ProblemException(422, "currency-mismatch", "Currency mismatch",
                    "This shop's prices are in " + shopCurrency + "; the cart is in "
                            + query.currency().getCurrencyCode() + ": send 'currencyRate' (units of "
                            + query.currency().getCurrencyCode() + " per " + shopCurrency + ") to have offers in it",
                    "currency");
        }
        return new Presentment(shopDigits, query.currencyRate(), Math.max(0, query.currency().getDefaultFractionDigits()));
    }

    /** The cart with its prices in the shop's currency; the same cart when it already is. */
    Cart cartInShopCurrency(Cart cart) {
        if (rate == null) {
            return cart;
        }
        List<CartLine> lines = new ArrayList<>(cart.lines().size());
        for (CartLine line : cart.lines()) {
            lines.add(new CartLine(line.productId(), line.variantId(), line.quantity(),
                    line.price().divide(rate, shopDigits + 4, RoundingMode.HALF_UP)));
        }
        return new Cart(lines);
    }

    /** An amount in the shop's currency as the shopper sees it. */
    BigDecimal shown(BigDecimal amount) {
        BigDecimal converted = rate == null ? amount : amount.multiply(rate);
        return converted.setScale(digits, RoundingMode.HALF_UP);
    }
}
