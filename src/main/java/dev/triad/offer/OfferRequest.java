package dev.triad.offer;

import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.triad.problem.JsonBody;


/**
 * The body of {@code POST /v1/shops/{shop}/offers}, as sent; {@link OfferQuery#of} validates it.
 * {@code currencyRate}: for a cart in another currency than the shop's (Shopify Markets), how many
 * units of the cart's currency one unit of the shop's is worth, as the storefront converts
 * ({@code Shopify.currency.rate}); prices in the cart are in the cart's currency.
 */
public record OfferRequest(
        String placement,
        String currency,
        List<Line> cart,
        String customerId,
        String sessionId,
        String currencyRate) {

    /** One cart line as sent: {@code price} is a decimal string. */
    public record Line(String productId, String variantId, Integer quantity, String price) {
    }

    /**
     * The reader of offer bodies. It leaves out the duplicate-field check the application's JSON
     * has ({@code http.StrictJson}): offer bodies come from the widget, and the check costs a set
     * per cart line on the hot path; a repeated field there changes nothing but the asker's own answer.
     */
    public static ObjectReader reader(ObjectMapper mapper) {
        return mapper.readerFor(OfferRequest.class).without(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The request in {@code body}; 400 naming the field when it is not one. */
    public static OfferRequest parse(ObjectReader reader, byte[] body) {
        return JsonBody.read(reader, body);
    }
}
