package dev.triad.shop;

import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.triad.problem.ProblemException;

/**
 * {@code PUT /admin/v1/shops/{shop}} registers a shop (operator key) or updates it (operator key or
 * the shop's admin key). 201 on creation with {@code publishableKey} and {@code adminKey} — the
 * admin key is shown this once, Triad keeps only its hash; 200 on update with {@code publishableKey}.
 * {@code GET} returns the shop without secrets. 400 bad body (field named), 401 bad key, 404 unknown shop.
 * An update that changes the tier or non-tier option names or the never-offer list re-mines the
 * shop's sheets in the background ({@link SheetRulesChanged}); until then offers follow the previous ones.
 */
@Path("/admin/v1/shops/{shop}")
@Produces(MediaType.APPLICATION_JSON)
public class ShopResource {

    private final ShopStore shops;
    private final ShopRegistry registry;
    private final AdminAuth auth;
    private final Event<SheetRulesChanged> sheetRulesChanged;

    public ShopResource(ShopStore shops, ShopRegistry registry, AdminAuth auth,
            Event<SheetRulesChanged> sheetRulesChanged) {
        this.shops = shops;
        this.registry = registry;
        this.auth = auth;
        this.sheetRulesChanged = sheetRulesChanged;
    }

    /** What the admin API shows of a shop; {@code adminKey} only in the answer that created it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String shop, String name, String platform, String currency, List<String> allowedOrigins,
            ShopSettings settings, boolean enabled, String publishableKey, String adminKey) {

        static View of(Shop s, String adminKey) {
            return new View(s.id(), s.name(), s.platform(), s.currency(), s.allowedOrigins(), s.settings(), s.enabled(),
                    s.publishableKey(), adminKey);
        }
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization,
            ShopRequest request) {
        String id = ShopName.validate(shop);
        Shop existing = shops.find(id).orElse(null);
        if (existing == null && !auth.isOperator(authorization)) {
            throw ProblemException.unauthorized("Authorization", "Registering a shop takes the operator key");
        }
        auth.require(authorization, existing);
        if (request == null) {
            throw ProblemException.invalid("body", "The body must be a JSON object");
        }
        if (existing != null) {
            Shop updated = request.toShop(id, existing, existing.publishableKey(), existing.adminKeyHash());
            shops.save(updated);
            ShopSettings before = existing.settings();
            ShopSettings after = updated.settings();
            if (!before.tierOptions().equals(after.tierOptions()) || !before.nonTierOptions().equals(after.nonTierOptions())
                    || !before.neverOffer().equals(after.neverOffer())) {
                sheetRulesChanged.fireAsync(new SheetRulesChanged(id, after));
            }
            return Response.ok(View.of(updated, null)).build();
        }
        ShopRegistry.Created created = registry.create(id, request);
        if (created == null) {
            return put(shop, authorization, request);
        }
        return Response.status(Response.Status.CREATED).entity(View.of(created.shop(), created.adminKey())).build();
    }

    @GET
    public View get(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization) {
        String id = ShopName.validate(shop);
        Shop existing = shops.find(id).orElse(null);
        auth.require(authorization, existing);
        if (existing == null) {
            throw ProblemException.notFound("shop", "No shop named '" + id + "' is registered");
        }
        return View.of(existing, null);
    }
}
