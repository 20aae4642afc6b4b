package dev.triad.wooplugin;

import java.time.Instant;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.triad.problem.ProblemException;
import dev.triad.shop.AdminAuth;
import dev.triad.shop.ShopName;

/**
 * {@code POST /admin/v1/shops/{shop}/connect-tokens} (operator key) — a connect token for one WooCommerce
 * store, valid seven days and for one connection: what the operator hands the merchant to paste into the
 * plugin. The shop need not exist yet; connecting registers it.
 */
@Path("/admin/v1/shops/{shop}/connect-tokens")
public class ConnectTokenResource {

    private final ConnectTokens tokens;
    private final AdminAuth auth;

    public ConnectTokenResource(ConnectTokens tokens, AdminAuth auth) {
        this.tokens = tokens;
        this.auth = auth;
    }

    /** A connect token and when it ends. */
    public record Issued(String shop, String connectToken, String expiresAt) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization) {
        String id = ShopName.validate(shop);
        if (!auth.isOperator(authorization)) {
            throw ProblemException.unauthorized("Authorization", "Connect tokens are issued with the operator key");
        }
        long expiresAt = Instant.now().plus(ConnectTokens.VALID_FOR).getEpochSecond();
        return Response.status(Response.Status.CREATED)
                .entity(new Issued(id, tokens.issue(id, expiresAt), Instant.ofEpochSecond(expiresAt).toString())).build();
    }
}
