package dev.triad.email;

import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.triad.problem.ProblemException;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopAccess;

/**
 * {@code PUT | GET | DELETE /admin/v1/shops/{shop}/klaviyo} — the shop's Klaviyo connection: a private API key
 * with the {@code events:write} scope. Kept sealed; {@code GET} shows only whether one is set and its last four
 * characters. 400 a key that is not a Klaviyo private key, 401 bad admin key, 404 unknown shop.
 */
@Path("/admin/v1/shops/{shop}/klaviyo")
public class KlaviyoResource {

    private static final Pattern PRIVATE_KEY = Pattern.compile("pk_[A-Za-z0-9]{20,80}");

    private final KlaviyoKeys keys;
    private final ShopAccess access;

    public KlaviyoResource(KlaviyoKeys keys, ShopAccess access) {
        this.keys = keys;
        this.access = access;
    }

    /** The body of {@code PUT}. */
    public record Connection(String privateKey) {
    }

    /** What {@code GET} shows. */
    public record State(boolean connected, String keyEnding) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response connect(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization,
            Connection connection) {
        Shop found = access.require(shop, authorization);
        if (connection == null || connection.privateKey() == null || !PRIVATE_KEY.matcher(connection.privateKey()).matches()) {
            throw ProblemException.invalid("privateKey",
                    "'privateKey' must be a Klaviyo private API key (pk_ and 20 to 80 letters or digits)");
        }
        keys.store(found.id(), connection.privateKey());
        return Response.noContent().build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public State state(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization) {
        String key = keys.find(access.require(shop, authorization).id());
        return new State(key != null, key == null ? null : key.substring(key.length() - 4));
    }

    @DELETE
    public Response disconnect(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization) {
        keys.erase(access.require(shop, authorization).id());
        return Response.noContent().build();
    }
}
