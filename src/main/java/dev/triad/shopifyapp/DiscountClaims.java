package dev.triad.shopifyapp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.triad.offer.OfferToken;
import dev.triad.offer.OfferTokens;
import dev.triad.problem.ProblemException;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopAccess;

/**
 * Turns a claimed offer into a discount Shopify charges: a code of its own per claim, created with the
 * Admin API, that gives exactly the offer's saving on exactly the offer's items, once, until the offer
 * expires. The widget then applies it to the shopper's cart ({@code /cart/update.js} with
 * {@code discount}, shopify.dev "Cart API: update the cart discounts", 2025-05).
 *
 * <ul>
 * <li>A bundle of two is a buy X get Y code ({@code discountCodeBxgyCreate}): the shopper buys one of the
 * cheaper item and gets one of the dearer for the saving as a fixed amount
 * ({@code discountOnQuantity.effect.amount}), once per order. Without both items in the cart Shopify
 * gives nothing; more of either does not give more.</li>
 * <li>A limited-time add-on is a basic code ({@code discountCodeBasicCreate}) for its variant: the saving
 * as a fixed amount, not on each item ({@code appliesOnEachItem: false}), so two of it save once.</li>
 * </ul>
 * Both: {@code usageLimit: 1} (one order), {@code endsAt} the token's expiry, and they combine with no
 * other product or order discount, so an offer's saving never stacks on a store-wide code.
 */
@ApplicationScoped
public class DiscountClaims {

    static final String BXGY = "mutation TriadBundle($discount: DiscountCodeBxgyInput!) {"
            + " discountCodeBxgyCreate(bxgyCodeDiscount: $discount) {"
            + " codeDiscountNode { id } userErrors { field code message } } }";
    static final String BASIC = "mutation TriadAddOn($discount: DiscountCodeBasicInput!) {"
            + " discountCodeBasicCreate(basicCodeDiscount: $discount) {"
            + " codeDiscountNode { id } userErrors { field code message } } }";

    private final OfferTokens tokens;
    private final AccessTokens accessTokens;
    private final ShopifyAdmin admin;
    private final ShopAccess access;

    public DiscountClaims(OfferTokens tokens, AccessTokens accessTokens, ShopifyAdmin admin, ShopAccess access) {
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.admin = admin;
        this.access = access;
    }

    /** The code a claim created, when it expires, and the variants it is for (in the offer's order). */
    public record Claim(String code, String expiresAt, String kind, List<String> variantIds) {
    }

    /**
     * Claims {@code token} at {@code shop}: 403 when it is not an offer of this shop, 410 once expired,
     * 409 when the shop has not installed the app (no Admin API access), 422 when Shopify could not
     * charge it; the same code again for an offer claimed before.
     */
    public Claim claim(String shopId, String token) {
        Shop shop = access.requireRegistered(shopId);
        OfferToken offer = tokens.verify(shopId, token, Instant.now().getEpochSecond());
        String accessToken = "shopify".equals(shop.platform()) ? accessTokens.find(shopId) : null;
        if (accessToken == null) {
            throw new ProblemException(409, "not-connected", "Shop not connected",
                    "Discounts are created through the Shopify app; shop '" + shopId + "' has not installed it", null);
        }
        String code = tokens.claimCode(shopId, token);
        Map<String, Object> discount = common(code, offer);
        String mutation;
        if ("bundle".equals(offer.kind())) {
            bundle(discount, offer);
            mutation = BXGY;
        } else {
            addOn(discount, offer);
            mutation = BASIC;
        }
        JsonNode answer = admin.graphql(shopId, accessToken, mutation, Map.of("discount", discount));
        JsonNode created = answer.path("bundle".equals(offer.kind()) ? "discountCodeBxgyCreate" : "discountCodeBasicCreate");
        for (JsonNode error : created.path("userErrors")) {
            // The same offer claimed again (a second click, a reload): its code exists and stands.
            if (!"TAKEN".equals(error.path("code").asText())) {
                throw new ProblemException(422, "discount-refused", "Discount refused",
                        "Shopify did not create the offer's discount: " + error.path("message").asText(), "token");
            }
        }
        return new Claim(code, Instant.ofEpochSecond(offer.expiresAt()).toString(), offer.kind(),
                offer.lines().stream().map(l -> l.variantId() != null ? l.variantId() : l.productId()).toList());
    }

    private static Map<String, Object> common(String code, OfferToken offer) {
        Map<String, Object> discount = new LinkedHashMap<>();
        discount.put("title", "Triad " + offer.kind().replace('_', '-') + " " + code);
        discount.put("code", code);
        discount.put("startsAt", Instant.now().minusSeconds(60).toString());
        discount.put("endsAt", Instant.ofEpochSecond(offer.expiresAt()).toString());
        discount.put("context", Map.of("all", "ALL"));
        discount.put("usageLimit", 1);
        discount.put("combinesWith", Map.of("orderDiscounts", false, "productDiscounts", false, "shippingDiscounts", true));
        return discount;
    }

    private static void bundle(Map<String, Object> discount, OfferToken offer) {
        if (offer.lines().size() != 2) {
            throw notChargeable("a bundle of " + offer.lines().size() + " items");
        }
        OfferToken.Line first = offer.lines().get(0);
        OfferToken.Line second = offer.lines().get(1);
        OfferToken.Line gets = second.price().compareTo(first.price()) > 0 ? second : first;
        OfferToken.Line buys = gets == first ? second : first;
        if (offer.saving().compareTo(gets.price()) > 0) {
            throw notChargeable("a saving of " + offer.saving() + " on an item of " + gets.price());
        }
        discount.put("usesPerOrderLimit", 1);
        discount.put("customerBuys", Map.of("items", items(buys), "value", Map.of("quantity", "1")));
        discount.put("customerGets", Map.of("items", items(gets), "value", Map.of("discountOnQuantity",
                Map.of("quantity", "1", "effect", Map.of("amount", amount(offer.saving()))))));
    }

    private static void addOn(Map<String, Object> discount, OfferToken offer) {
        if (offer.lines().size() != 1) {
            throw notChargeable("an add-on of " + offer.lines().size() + " items");
        }
        discount.put("customerGets", Map.of("items", items(offer.lines().get(0)), "value",
                Map.of("discountAmount", Map.of("amount", amount(offer.saving()), "appliesOnEachItem", false))));
    }

    /** The variant (or, for an offer that names only a product, the product) as Shopify's items input. */
    private static Map<String, Object> items(OfferToken.Line line) {
        String variant = gid("ProductVariant", line.variantId());
        Map<String, Object> products = variant != null ? Map.of("productVariantsToAdd", List.of(variant))
                : Map.of("productsToAdd", List.of(require(gid("Product", line.productId()), line.productId())));
        return Map.of("products", products);
    }

    private static String require(String gid, String id) {
        if (gid == null) {
            throw notChargeable("item '" + id + "', which is not a Shopify id");
        }
        return gid;
    }

    /** Shopify's global id of a numeric id (as the AJAX Cart API and webhooks give them); null for another id. */
    static String gid(String type, String id) {
        if (id == null) {
            return null;
        }
        if (id.startsWith("gid://shopify/" + type + "/")) {
            return id;
        }
        return id.chars().allMatch(Character::isDigit) && !id.isEmpty() ? "gid://shopify/" + type + "/" + id : null;
    }

    private static String amount(BigDecimal saving) {
        return saving.toPlainString();
    }

    private static ProblemException notChargeable(String what) {
        return new ProblemException(422, "discount-not-chargeable", "Discount not chargeable",
                "Shopify cannot charge exactly this offer: " + what, "token");
    }
}
