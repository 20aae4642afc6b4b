package dev.triad.widget;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.triad.problem.ProblemException;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopName;
import dev.triad.shop.ShopStore;

/**
 * CORS for the storefront routes ({@code /v1/shops/{shop}/offers} and {@code …/events}), following
 * each shop's allowed origins. A preflight is answered from the shop's record; an actual request
 * from an origin the shop does not allow is refused (403) by the route itself; only successful
 * answers name the caller's origin.
 */
@Singleton
public class StorefrontCors {

    static final String ALLOWED_HEADERS = "Content-Type, X-Triad-Key";
    static final String MAX_AGE = "7200";

    private final ShopStore shops;

    public StorefrontCors(ShopStore shops) {
        this.shops = shops;
    }

    /** The answer to {@code OPTIONS} on a storefront route: 204 with the CORS headers, or 403 for a foreign origin. */
    public Response preflight(String shop, String origin) {
        String id = ShopName.validate(shop);
        Shop found = shops.find(id).orElseThrow(() -> ProblemException.notFound("shop",
                "No shop named '" + id + "' is registered"));
        if (origin == null || !found.allowsOrigin(origin)) {
            throw ProblemException.forbidden("Origin", "Origin " + origin + " is not allowed for this shop");
        }
        return Response.noContent().header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "POST, OPTIONS")
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", MAX_AGE).header("Vary", "Origin").build();
    }

    @ServerResponseFilter
    public void allowOrigin(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        // Only answers that passed the shop's origin check name the caller: a refusal (401, 404, …) may come
        // before the check, and must not be readable by a page of any origin.
        if (origin == null || response.getStatus() >= 300 || response.getHeaders().containsKey("Access-Control-Allow-Origin")
                || !request.getUriInfo().getPath().startsWith("/v1/shops/")) {
            return;
        }
        response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
        response.getHeaders().add("Vary", "Origin");
    }
}
