package dev.triad.admin;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.triad.mining.RebuildService;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopAccess;

/**
 * {@code POST /admin/v1/shops/{shop}/rebuild} — recomputes every co-purchase count from the order
 * log and publishes every offer sheet. 200 with orders, products, sheets, pairs and duration;
 * waits for a rebuild already running (409 after five minutes). 401 bad key, 404 unknown shop.
 */
@Path("/admin/v1/shops/{shop}/rebuild")
public class RebuildResource {

    private final RebuildService rebuild;
    private final ShopAccess access;

    public RebuildResource(RebuildService rebuild, ShopAccess access) {
        this.rebuild = rebuild;
        this.access = access;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public RebuildService.Report rebuild(@PathParam("shop") String shop,
            @HeaderParam("Authorization") String authorization) {
        Shop s = access.require(shop, authorization);
        return rebuild.full(s.id(), s.settings());
    }
}
