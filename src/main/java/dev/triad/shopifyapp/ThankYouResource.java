package dev.triad.shopifyapp;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.triad.TriadConfig;
import dev.triad.offer.OfferQuery;
import dev.triad.offer.OfferRequest;
import dev.triad.offer.OfferService;
import dev.triad.offer.OfferToken;
import dev.triad.offer.OfferTokens;
import dev.triad.problem.ProblemException;
import dev.triad.shop.ShopName;
import io.smallrye.mutiny.Uni;

/**
 * What the thank-you Checkout UI extension ({@code platforms/shopify/extensions/thank-you-offers}) asks:
 * <ul>
 * <li>{@code POST /shopify/v1/thank-you-offers} — offers for the order's lines, "for your next order".
 * Authenticated by the extension's session token ({@code Authorization: Bearer}, {@link SessionTokens}): the
 * shop is its {@code dest}, the customer its {@code sub} (so a logged-in buyer's history counts, as through
 * the App Proxy); the body is an offer request. Any origin may call it (the extension runs on Shopify's
 * sandbox origin; the token, not a cookie, is the credential). Its body is bounded as the offer route's
 * ({@code http.BodyLimits}).</li>
 * <li>{@code GET /shopify/v1/take?shop=…&token=…} — the link of an offer with a discount: claims it
 * ({@link DiscountClaims}) and sends the shopper to a new cart holding the offer's items with the code
 * applied (a cart permalink, {@code https://<shop>/cart/<variant>:1,…?discount=<code>}, shopify.dev "Create
 * cart permalinks"). Once the offer has expired, the same cart at the usual prices.</li>
 * </ul>
 */
@Path("/shopify/v1")
public class ThankYouResource {

    private final SessionTokens sessionTokens;
    private final OfferService offers;
    private final DiscountClaims claims;
    private final OfferTokens tokens;
    private final ObjectReader requestReader;
    private final TriadConfig config;

    public ThankYouResource(SessionTokens sessionTokens, OfferService offers, DiscountClaims claims, OfferTokens tokens,
            ObjectMapper mapper, TriadConfig config) {
        this.sessionTokens = sessionTokens;
        this.offers = offers;
        this.claims = claims;
        this.tokens = tokens;
        this.requestReader = OfferRequest.reader(mapper);
        this.config = config;
    }

    @OPTIONS
    @Path("thank-you-offers")
    public Response preflight() {
        return Response.noContent().header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                .header("Access-Control-Max-Age", "600").build();
    }

    @POST
    @Path("thank-you-offers")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> offers(@HeaderParam("Authorization") String authorization, byte[] body) {
        SessionTokens.CheckoutSession session = sessionTokens.checkoutSessionOf(authorization);
        String shop = ShopName.validate(session.shop());
        OfferQuery query = OfferQuery.of(OfferRequest.parse(requestReader, body), config.offers().maxCartLines());
        if (session.customerId() != null) {
            query = query.withCustomer(OfferQuery.optionalId("sub", session.customerId()));
        }
        return offers.offers(shop, query, OfferService.Caller.platform())
                .map(answer -> Response.ok(answer).header("Access-Control-Allow-Origin", "*").build());
    }

    @GET
    @Path("take")
    public Response take(@QueryParam("shop") String shopParam, @QueryParam("token") String token) {
        String shop = ShopName.validate(shopParam);
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid("token", "'token' is required: the offer's token");
        }
        OfferToken offer = tokens.signed(shop, token);
        String cart = "https://" + shop + "/cart/" + offer.lines().stream().map(ThankYouResource::permalinkItem)
                .collect(Collectors.joining(","));
        try {
            String code = claims.claim(shop, token).code();
            return Response.seeOther(URI.create(cart + "?discount=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                    .build();
        } catch (ProblemException e) {
            if (e.status() != 410) {
                throw e;
            }
            return Response.seeOther(URI.create(cart)).build(); // the offer ended: the items at their usual prices
        }
    }

    private static String permalinkItem(OfferToken.Line line) {
        String variant = line.variantId();
        if (variant == null || variant.isEmpty() || !variant.chars().allMatch(Character::isDigit)) {
            throw new ProblemException(422, "discount-not-chargeable", "Discount not chargeable",
                    "A cart link needs Shopify variant ids; item '" + line.productId() + "' has none", "token");
        }
        return variant + ":1";
    }
}
