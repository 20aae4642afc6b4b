package dev.triad.shopifyapp;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.triad.problem.ProblemException;
import dev.triad.shop.AdminAuth;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopName;
import dev.triad.shop.ShopStore;

/**
 * {@code GET /admin/v1/shops/{shop}/sync} — where the shop's Shopify sync stands: {@code phase}
 * (queued, products, orders, done, failed), {@code products} and {@code orders} read, {@code error}.
 * Admin key or operator key; 404 unknown shop.
 */
@Path("/admin/v1/shops/{shop}/sync")
public class SyncResource {

    private final ShopifySync sync;
    private final ShopStore shops;
    private final AdminAuth auth;

    public SyncResource(ShopifySync sync, ShopStore shops, AdminAuth auth) {
        this.sync = sync;
        this.shops = shops;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> status(@PathParam("shop") String shopName, @HeaderParam("Authorization") String authorization) {
        String id = ShopName.validate(shopName);
        Shop shop = shops.find(id).orElse(null);
        auth.require(authorization, shop);
        if (shop == null) {
            throw ProblemException.notFound("shop", "No shop named '" + id + "' is registered");
        }
        return sync.status(id);
    }
}
