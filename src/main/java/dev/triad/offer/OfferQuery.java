package dev.triad.offer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.triad.base.Ids;
import dev.triad.base.Money;
import dev.triad.problem.ProblemException;

/** A validated offer request: every refusal names the field at fault. */
public record OfferQuery(String placement, Currency currency, Cart cart, String customerId, String sessionId,
        BigDecimal currencyRate) {

    private static final BigDecimal MAX_RATE = new BigDecimal("1000000");

    static final Set<String> PLACEMENTS = Set.of("product", "cart", "checkout", "post_purchase");
    static final int MAX_ID = 128;
    static final int MAX_QUANTITY = 10_000;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern RATE = Pattern.compile("\\d{1,7}(\\.\\d{1,15})?");

    public static OfferQuery of(OfferRequest r, int maxLines) {
        if (r == null) {
            throw ProblemException.invalid("body", "The body must be a JSON object");
        }
        if (r.placement() == null || !PLACEMENTS.contains(r.placement())) {
            throw ProblemException.invalid("placement", "'placement' must be one of " + String.join(", ",
                    List.of("product", "cart", "checkout", "post_purchase")));
        }
        Currency currency = currency(r.currency());
        if (r.cart() == null || r.cart().isEmpty()) {
            throw ProblemException.invalid("cart", "'cart' must hold at least one line");
        }
        if (r.cart().size() > maxLines) {
            throw ProblemException.invalid("cart", "'cart' holds " + r.cart().size() + " lines; at most "
                    + maxLines + " are accepted");
        }
        List<CartLine> lines = new ArrayList<>(r.cart().size());
        for (int i = 0; i < r.cart().size(); i++) {
            lines.add(line(r.cart().get(i), "cart[" + i + "]"));
        }
        return new OfferQuery(r.placement(), currency, new Cart(lines),
                optionalId("customerId", r.customerId()), optionalId("sessionId", r.sessionId()), rate(r.currencyRate()));
    }

    /** The same query with another customer (the App Proxy's logged-in customer). */
    public OfferQuery withCustomer(String customer) {
        return new OfferQuery(placement, currency, cart, customer, sessionId, currencyRate);
    }

    private static BigDecimal rate(String value) {
        if (value == null) {
            return null;
        }
        BigDecimal rate = RATE.matcher(value).matches() ? new BigDecimal(value) : BigDecimal.ZERO;
        if (rate.signum() <= 0 || rate.compareTo(MAX_RATE) > 0) {
            throw ProblemException.invalid("currencyRate", "'currencyRate' must be a positive decimal such as \"0.92\"");
        }
        return rate;
    }

    private static CartLine line(OfferRequest.Line line, String at) {
        if (line == null) {
            throw ProblemException.invalid(at, "'" + at + "' must be an object");
        }
        String productId = id(at + ".productId", line.productId());
        String variantId = optionalId(at + ".variantId", line.variantId());
        Integer quantity = line.quantity();
        if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
            throw ProblemException.invalid(at + ".quantity", "'" + at + ".quantity' must be a whole number from 1 to "
                    + MAX_QUANTITY);
        }
        return new CartLine(productId, variantId, quantity, Money.parse(at + ".price", line.price()));
    }

    private static Currency currency(String code) {
        if (code != null && CURRENCY.matcher(code).matches()) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                // fall through to the refusal below
            }
        }
        throw ProblemException.invalid("currency", "'currency' must be an ISO 4217 code such as \"USD\"");
    }

    static String id(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw ProblemException.invalid(field, "'" + field + "' is required");
        }
        return optionalId(field, value);
    }

    public static String optionalId(String field, String value) {
        if (value != null && (value.isEmpty() || value.length() > MAX_ID || !Ids.printable(value))) {
            throw ProblemException.invalid(field, "'" + field + "' must be 1 to " + MAX_ID + " printable characters");
        }
        return value;
    }
}
