package dev.triad.shopifyapp;

import java.util.Map;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.triad.problem.ProblemException;
import dev.triad.shop.AdminAuth;

/**
 * {@code POST /admin/v1/shopify/reconcile} — reconciles every shop that installed the app
 * ({@link ShopifyReconciler}); what a deployment without a long-running process schedules (the infra
 * template's EventBridge rule, every 15 minutes). Operator key only; answers each shop's outcome.
 */
@Path("/admin/v1/shopify/reconcile")
public class ReconcileAllResource {

    private final ShopifyReconciler reconciler;
    private final AdminAuth auth;

    public ReconcileAllResource(ShopifyReconciler reconciler, AdminAuth auth) {
        this.reconciler = reconciler;
        this.auth = auth;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> reconcileAll(@HeaderParam("Authorization") String authorization) {
        if (!auth.isOperator(authorization)) {
            throw ProblemException.unauthorized("Authorization", "Reconciling every shop takes the operator key");
        }
        return reconciler.reconcileAll();
    }
}
