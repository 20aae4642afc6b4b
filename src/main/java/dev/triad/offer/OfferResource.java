package dev.triad.offer;


import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.triad.TriadConfig;
import dev.triad.shop.ShopName;
import dev.triad.widget.StorefrontCors;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /v1/shops/{shop}/offers} — up to three tiered offers for a cart.
 *
 * <p>Header {@code X-Triad-Key}: the shop's publishable key. Body: {@link OfferRequest} (at most
 * 64 KiB, 100 lines). 200: {@link OfferResponse}, also when Redis is in trouble ({@code degraded}).
 * 400 bad body (field named), 401 missing or wrong key, 403 origin not allowed, 404 unknown shop,
 * 413 body too large, 422 cart currency differs from the shop's.
 */
@Path("/v1/shops/{shop}/offers")
public class OfferResource {

    private final OfferService service;
    private final ObjectReader requestReader;
    private final TriadConfig.Offers config;

    private final StorefrontCors cors;

    public OfferResource(OfferService service, ObjectMapper mapper, TriadConfig config, StorefrontCors cors) {
        this.service = service;
        this.cors = cors;
        this.requestReader = OfferRequest.reader(mapper);
        this.config = config.offers();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<OfferResponse> offers(@PathParam("shop") String shop, @HeaderParam("X-Triad-Key") String key,
            @HeaderParam("Origin") String origin, byte[] body) {
        String shopId = ShopName.validate(shop);
        OfferQuery query = OfferQuery.of(OfferRequest.parse(requestReader, body), config.maxCartLines());
        return service.offers(shopId, query, OfferService.Caller.storefront(key, origin));
    }

    /** CORS preflight from the storefront: allowed for the shop's origins only. */
    @OPTIONS
    public Response preflight(@PathParam("shop") String shop, @HeaderParam("Origin") String origin) {
        return cors.preflight(shop, origin);
    }
}
