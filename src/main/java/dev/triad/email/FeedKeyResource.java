package dev.triad.email;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.triad.shop.Shop;
import dev.triad.shop.ShopAccess;

/**
 * {@code POST | DELETE /admin/v1/shops/{shop}/feed-key} — the shop's add-on feed address: a new key (shown once,
 * the old address stops working) or none. 401 bad admin key, 404 unknown shop.
 */
@Path("/admin/v1/shops/{shop}/feed-key")
public class FeedKeyResource {

    private final FeedKeys keys;
    private final ShopAccess access;

    public FeedKeyResource(FeedKeys keys, ShopAccess access) {
        this.keys = keys;
        this.access = access;
    }

    /** The new address, relative to Triad's. */
    public record Issued(String feedKey, String path) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization) {
        Shop found = access.require(shop, authorization);
        String key = keys.issue(found.id());
        return Response.status(Response.Status.CREATED)
                .entity(new Issued(key, "/feeds/v1/" + found.id() + "/" + key + "/add-ons.json")).build();
    }

    @DELETE
    public Response revoke(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization) {
        keys.revoke(access.require(shop, authorization).id());
        return Response.noContent().build();
    }
}
