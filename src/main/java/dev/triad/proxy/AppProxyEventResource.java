package dev.triad.proxy;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.triad.events.EventRequest;
import dev.triad.events.EventService;
import dev.triad.problem.JsonBody;
import dev.triad.shop.ShopAccess;
import dev.triad.shop.ShopName;

/**
 * {@code POST /proxy/v1/events} — the widget's events through the Shopify App Proxy
 * ({@code https://<shop>/apps/<subpath>/events}), so that a theme app embed needs no key: the shop is
 * the one Shopify signed ({@link AppProxySignature}), whose query this event rides on. 202 when taken; 401 bad signature; 404
 * unknown shop; otherwise as {@code POST /v1/shops/{shop}/events}.
 */
@Path("/proxy/v1/events")
public class AppProxyEventResource {

    private final AppProxySignature signature;
    private final EventService events;
    private final ShopAccess access;
    private final ObjectReader reader;

    public AppProxyEventResource(AppProxySignature signature, EventService events, ShopAccess access,
            ObjectMapper mapper) {
        this.signature = signature;
        this.events = events;
        this.access = access;
        this.reader = mapper.readerFor(EventRequest.class);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response record(@Context UriInfo uri, byte[] body) {
        signature.verify(uri.getQueryParameters());
        String shop = access.requireRegistered(ShopName.validate(uri.getQueryParameters().getFirst("shop"))).id();
        events.record(shop, JsonBody.read(reader, body));
        return Response.accepted().build();
    }
}
