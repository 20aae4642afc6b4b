package dev.triad.proxy;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.triad.problem.JsonBody;
import dev.triad.problem.ProblemException;
import dev.triad.shop.ShopName;
import dev.triad.shopifyapp.DiscountClaims;

/**
 * {@code POST /proxy/v1/claims} — the shopper takes an offer with a discount: through the Shopify App
 * Proxy ({@code https://<shop>/apps/<subpath>/claims}, the shop the signed one, {@link AppProxySignature}),
 * body {@code {"token": "<the offer's token>"}}. 200 with the discount code made for this claim
 * ({@link DiscountClaims}); 401 bad signature; 403 a token not of this shop; 410 an expired offer; 409 a
 * shop without the app; 400 no token; 422 one Shopify cannot charge.
 */
@Path("/proxy/v1/claims")
public class AppProxyClaimResource {

    /** The body of a claim. */
    public record ClaimRequest(String token) {
    }

    private final AppProxySignature signature;
    private final DiscountClaims claims;
    private final ObjectReader reader;

    public AppProxyClaimResource(AppProxySignature signature, DiscountClaims claims, ObjectMapper mapper) {
        this.signature = signature;
        this.claims = claims;
        this.reader = mapper.readerFor(ClaimRequest.class);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public DiscountClaims.Claim claim(@Context UriInfo uri, byte[] body) {
        signature.verify(uri.getQueryParameters());
        String shop = ShopName.validate(uri.getQueryParameters().getFirst("shop"));
        ClaimRequest request = JsonBody.read(reader, body);
        if (request.token() == null || request.token().isBlank()) {
            throw ProblemException.invalid("token", "'token' is required: the offer's token from the offer answer");
        }
        return claims.claim(shop, request.token());
    }
}
