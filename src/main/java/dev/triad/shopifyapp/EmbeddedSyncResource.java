package dev.triad.shopifyapp;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /shopify/v1/sync} — where the first sync of the session token's shop stands, for the
 * embedded page (the same answer as {@code GET /admin/v1/shops/{shop}/sync}, by session token).
 */
@Path("/shopify/v1/sync")
public class EmbeddedSyncResource {

    private final SessionTokens sessionTokens;
    private final ShopifySync sync;

    public EmbeddedSyncResource(SessionTokens sessionTokens, ShopifySync sync) {
        this.sessionTokens = sessionTokens;
        this.sync = sync;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> status(@HeaderParam("Authorization") String authorization) {
        return sync.status(sessionTokens.shopOf(authorization));
    }
}
