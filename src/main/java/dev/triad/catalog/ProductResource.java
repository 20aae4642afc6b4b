package dev.triad.catalog;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.triad.problem.ProblemException;
import dev.triad.shop.AdminAuth;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopName;
import dev.triad.shop.ShopStore;
import dev.triad.sheet.OfferSheet;

/**
 * {@code /admin/v1/shops/{shop}/products/{productId}} — a product's facts and the merchant's pins.
 *
 * <p>{@code PUT} stores them, rebuilds the product's offer sheet and patches every sheet that names
 * it (a price or stock change shows in other products' offers at once); answers the product and its
 * sheet. {@code GET} answers the same with every score. {@code DELETE} removes the product from
 * every sheet; 204. Admin key of the shop or operator key. 400 bad body (field named), 401 bad key,
 * 404 unknown shop or product.
 */
@Path("/admin/v1/shops/{shop}/products/{productId}")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final CatalogStore catalog;
    private final ShopStore shops;
    private final AdminAuth auth;

    public ProductResource(CatalogStore catalog, ShopStore shops, AdminAuth auth) {
        this.catalog = catalog;
        this.shops = shops;
        this.auth = auth;
    }

    /** A product as the admin API shows it: its facts and its offer sheet. */
    public record View(ProductFacts product, OfferSheet sheet) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public View put(@PathParam("shop") String shop, @PathParam("productId") String productId,
            @HeaderParam("Authorization") String authorization, ProductRequest request) {
        String id = authorize(shop, productId, authorization);
        if (request == null) {
            throw ProblemException.invalid("body", "The body must be a JSON object");
        }
        ProductFacts facts = request.toFacts(id);
        return new View(facts, catalog.put(shop(shop), facts));
    }

    @GET
    public View get(@PathParam("shop") String shop, @PathParam("productId") String productId,
            @HeaderParam("Authorization") String authorization) {
        String id = authorize(shop, productId, authorization);
        ProductFacts facts = catalog.find(shop(shop), id)
                .orElseThrow(() -> ProblemException.notFound("productId", "No product '" + id + "' in this shop"));
        return new View(facts, catalog.sheet(shop(shop), id).orElse(null));
    }

    @DELETE
    public void delete(@PathParam("shop") String shop, @PathParam("productId") String productId,
            @HeaderParam("Authorization") String authorization) {
        String id = authorize(shop, productId, authorization);
        if (!catalog.delete(shop(shop), id)) {
            throw ProblemException.notFound("productId", "No product '" + id + "' in this shop");
        }
    }

    private String authorize(String shop, String productId, String authorization) {
        String name = ShopName.validate(shop);
        Shop existing = shops.find(name).orElse(null);
        auth.require(authorization, existing);
        if (existing == null) {
            throw ProblemException.notFound("shop", "No shop named '" + name + "' is registered");
        }
        return Ids.require("productId", productId);
    }

    private static String shop(String shop) {
        return ShopName.validate(shop);
    }
}
