package dev.triad.privacy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.triad.problem.ProblemException;
import dev.triad.redis.Keys;
import dev.triad.shop.ShopAccess;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * {@code GET /admin/v1/shops/{shop}/data-requests/{id}} — what Triad held on a customer when
 * Shopify's {@code customers/data_request} webhook with this id arrived, kept 30 days for the
 * merchant to pass on. 401 bad key, 404 unknown shop or request.
 */
@Path("/admin/v1/shops/{shop}/data-requests/{id}")
public class DataRequestResource {

    private final ShopAccess access;
    private final RedisDataSource redis;

    public DataRequestResource(ShopAccess access, RedisDataSource redis) {
        this.access = access;
        this.redis = redis;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("shop") String shop, @PathParam("id") String id,
            @HeaderParam("Authorization") String authorization) {
        String shopId = access.require(shop, authorization).id();
        String data = redis.value(String.class).get(Keys.dataRequest(shopId, id));
        if (data == null) {
            throw ProblemException.notFound("id", "No data request '" + id + "' in the last 30 days");
        }
        return Response.ok(data, MediaType.APPLICATION_JSON).build();
    }
}
