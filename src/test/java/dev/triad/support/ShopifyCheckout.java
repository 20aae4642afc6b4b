package dev.triad.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Shopify checkout takes off a cart for one code discount made with the Admin API: a test
 * double (no Shopify is reachable here) that follows the documented meaning of the input Triad sent
 * (shopify.dev Admin GraphQL 2025-10: {@code DiscountCodeBxgyInput}, {@code DiscountCodeBasicInput},
 * {@code DiscountCustomerBuysInput}, {@code DiscountOnQuantityInput}, {@code DiscountEffectInput},
 * {@code DiscountAmountInput}; "Buy X get Y discounts" in the Help Center):
 * <ul>
 * <li>a code gives nothing before {@code startsAt} or from {@code endsAt} on;</li>
 * <li>buy X get Y: each application needs {@code customerBuys.value.quantity} of the buy items and
 * discounts {@code discountOnQuantity.quantity} of the get items by the effect (an amount, at most the
 * item's price, or a percentage); at most {@code usesPerOrderLimit} applications;</li>
 * <li>basic: the entitled lines' amount ({@code appliesOnEachItem} false: once, spread over them, at most
 * their subtotal; true: per item) or percentage.</li>
 * </ul>
 * Only the product-variant items Triad uses are read; anything else in the input fails the test.
 */
public final class ShopifyCheckout {

    /** A cart line as Shopify prices it. */
    public record Line(String variantGid, BigDecimal price, int quantity) {
        public Line(long variantId, String price, int quantity) {
            this("gid://shopify/ProductVariant/" + variantId, new BigDecimal(price), quantity);
        }
    }

    private ShopifyCheckout() {
    }

    public static BigDecimal subtotal(List<Line> cart) {
        return cart.stream().map(l -> l.price().multiply(BigDecimal.valueOf(l.quantity()))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    /** What {@code cart} pays at {@code at} with the discount {@code input} applied. */
    public static BigDecimal total(JsonNode input, List<Line> cart, Instant at) {
        return subtotal(cart).subtract(discount(input, cart, at));
    }

    /** The discount {@code input} (a code's {@code variables.discount}) gives {@code cart} at {@code at}. */
    public static BigDecimal discount(JsonNode input, List<Line> cart, Instant at) {
        if (at.isBefore(Instant.parse(input.path("startsAt").asText()))
                || input.hasNonNull("endsAt") && !at.isBefore(Instant.parse(input.path("endsAt").asText()))) {
            return BigDecimal.ZERO;
        }
        JsonNode gets = input.path("customerGets");
        List<Line> entitled = lines(gets.path("items"), cart);
        JsonNode value = gets.path("value");
        if (input.has("customerBuys")) {
            List<Line> buys = lines(input.path("customerBuys").path("items"), cart);
            long buyEach = Long.parseLong(input.path("customerBuys").path("value").path("quantity").asText());
            JsonNode onQuantity = value.path("discountOnQuantity");
            long getEach = Long.parseLong(onQuantity.path("quantity").asText());
            long applications = Math.min(count(buys) / buyEach, count(entitled) / getEach);
            if (input.hasNonNull("usesPerOrderLimit")) {
                applications = Math.min(applications, input.path("usesPerOrderLimit").asLong());
            }
            BigDecimal total = BigDecimal.ZERO;
            List<BigDecimal> items = unitPrices(entitled);
            for (int i = 0; i < applications * getEach; i++) {
                total = total.add(effect(onQuantity.path("effect"), items.get(i)));
            }
            return total;
        }
        BigDecimal base = subtotal(entitled);
        if (value.has("percentage")) {
            return base.multiply(BigDecimal.valueOf(value.path("percentage").asDouble())).setScale(2, RoundingMode.HALF_UP);
        }
        JsonNode amount = value.path("discountAmount");
        BigDecimal each = new BigDecimal(amount.path("amount").asText());
        if (amount.path("appliesOnEachItem").asBoolean()) {
            return unitPrices(entitled).stream().map(p -> p.min(each)).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return each.min(base);
    }

    private static BigDecimal effect(JsonNode effect, BigDecimal price) {
        if (effect.has("amount")) {
            return new BigDecimal(effect.path("amount").asText()).min(price);
        }
        return price.multiply(BigDecimal.valueOf(effect.path("percentage").asDouble())).setScale(2, RoundingMode.HALF_UP);
    }

    private static List<Line> lines(JsonNode items, List<Line> cart) {
        JsonNode variants = items.path("products").path("productVariantsToAdd");
        if (!variants.isArray() || items.size() != 1 || items.path("products").size() != 1) {
            throw new AssertionError("The double reads product variants only: " + items);
        }
        List<String> gids = new ArrayList<>();
        variants.forEach(v -> gids.add(v.asText()));
        return cart.stream().filter(l -> gids.contains(l.variantGid())).toList();
    }

    private static long count(List<Line> lines) {
        return lines.stream().mapToLong(Line::quantity).sum();
    }

    /** One price per item (the get items of the codes Triad makes are one variant: one price). */
    private static List<BigDecimal> unitPrices(List<Line> lines) {
        List<BigDecimal> prices = new ArrayList<>();
        for (Line line : lines) {
            for (int i = 0; i < line.quantity(); i++) {
                prices.add(line.price());
            }
        }
        prices.sort(java.util.Comparator.reverseOrder());
        return prices;
    }
}
