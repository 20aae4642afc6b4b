package dev.triad.shopifyapp;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.triad.shop.AdminAuth;
import dev.triad.shop.ShopName;
import dev.triad.shop.ShopStore;

/**
 * {@code POST /admin/v1/shops/{shop}/reconcile} — brings a Shopify shop up to date with what changed
 * since its last reconciliation ({@link ShopifyReconciler}); the in-process schedule does it every
 * {@code triad.shopify.reconcile-every}, a deployment without a long-running process (Lambda) calls
 * this from a scheduled rule. Admin or operator key; 404 unknown shop or app not installed.
 */
@Path("/admin/v1/shops/{shop}/reconcile")
public class ReconcileResource {

    private final ShopifyReconciler reconciler;
    private final ShopStore shops;
    private final AdminAuth auth;

    public ReconcileResource(ShopifyReconciler reconciler, ShopStore shops, AdminAuth auth) {
        this.reconciler = reconciler;
        this.shops = shops;
        this.auth = auth;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public ShopifyReconciler.Outcome reconcile(@PathParam("shop") String shopName,
            @HeaderParam("Authorization") String authorization) {
        String id = ShopName.validate(shopName);
        auth.require(authorization, shops.find(id).orElse(null));
        return reconciler.reconcile(id);
    }
}
