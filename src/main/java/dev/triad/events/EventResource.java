package dev.triad.events;


import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.triad.problem.JsonBody;
import dev.triad.shop.ShopAccess;
import dev.triad.widget.StorefrontCors;

/**
 * {@code POST /v1/shops/{shop}/events} — what the shopper did with the offers: {@code impression},
 * {@code click}, {@code add} or {@code dismiss} ({@link EventRequest}). The publishable key comes in
 * {@code X-Triad-Key} or, for {@code navigator.sendBeacon} which cannot set headers, in the body's
 * {@code key}; any content type is read as JSON (a beacon sends {@code text/plain}).
 * 202 recorded; 400 bad body (field named), 401 missing or wrong key, 403 origin not allowed,
 * 404 unknown shop, 413 larger than 8 KiB, 503 Redis unreachable.
 */
@Path("/v1/shops/{shop}/events")
public class EventResource {

    private final EventService events;
    private final ShopAccess access;
    private final ObjectReader reader;

    private final StorefrontCors cors;

    public EventResource(EventService events, ShopAccess access, ObjectMapper mapper, StorefrontCors cors) {
        this.events = events;
        this.cors = cors;
        this.access = access;
        this.reader = mapper.readerFor(EventRequest.class);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response record(@PathParam("shop") String shop, @HeaderParam("X-Triad-Key") String key,
            @HeaderParam("Origin") String origin, byte[] body) {
        EventRequest event = JsonBody.read(reader, body);
        String shopId = access.requirePublishable(shop, key != null ? key : event.key(), origin).id();
        events.record(shopId, event);
        return Response.accepted().build();
    }

    /** CORS preflight from the storefront: allowed for the shop's origins only. */
    @OPTIONS
    public Response preflight(@PathParam("shop") String shop, @HeaderParam("Origin") String origin) {
        return cors.preflight(shop, origin);
    }
}
