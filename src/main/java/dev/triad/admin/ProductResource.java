package dev.triad.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ProductFacts;
import dev.triad.catalog.ProductRequest;
import dev.triad.mining.AssociationScore;
import dev.triad.mining.CountStore;
import dev.triad.problem.ProblemException;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopAccess;

/**
 * {@code /admin/v1/shops/{shop}/products/{productId}} — a product's facts and the merchant's pins.
 *
 * <p>{@code PUT} stores them, rebuilds the product's offer sheet and patches every sheet that names
 * it (a price or stock change shows in other products' offers at once); answers the product and its
 * sheet. {@code GET} answers the same plus, for each mined complement, why it is there:
 * {@code productId, score, pairCount, support, confidence, lift}. {@code DELETE} removes the product
 * from every sheet; 204. Admin key of the shop or operator key. 400 bad body (field named),
 * 401 bad key, 404 unknown shop or product.
 */
@Path("/admin/v1/shops/{shop}/products/{productId}")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final CatalogStore catalog;
    private final CountStore counts;
    private final ShopAccess access;

    public ProductResource(CatalogStore catalog, CountStore counts, ShopAccess access) {
        this.catalog = catalog;
        this.counts = counts;
        this.access = access;
    }

    /** A product as the admin API shows it: its facts, its offer sheet and the evidence of its mined complements. */
    public record View(ProductFacts product, Integer orders, OfferSheet sheet, List<AssociationScore.Evidence> mined) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public View put(@PathParam("shop") String shop, @PathParam("productId") String productId,
            @HeaderParam("Authorization") String authorization, ProductRequest request) {
        Shop s = access.require(shop, authorization);
        String id = ProductRequest.validId("productId", productId);
        if (request == null) {
            throw ProblemException.invalid("body", "The body must be a JSON object");
        }
        ProductFacts facts = request.toFacts(id);
        return new View(facts, null, catalog.put(s.id(), facts), null);
    }

    @GET
    public View get(@PathParam("shop") String shop, @PathParam("productId") String productId,
            @HeaderParam("Authorization") String authorization) {
        Shop s = access.require(shop, authorization);
        String id = ProductRequest.validId("productId", productId);
        ProductFacts facts = catalog.find(s.id(), id)
                .orElseThrow(() -> ProblemException.notFound("productId", "No product '" + id + "' in this shop"));
        OfferSheet sheet = catalog.sheet(s.id(), id).orElse(null);
        return new View(facts, counts.counts(s.id(), List.of(id)).get(id), sheet, evidence(s.id(), id, sheet));
    }

    @DELETE
    public void delete(@PathParam("shop") String shop, @PathParam("productId") String productId,
            @HeaderParam("Authorization") String authorization) {
        Shop s = access.require(shop, authorization);
        String id = ProductRequest.validId("productId", productId);
        if (!catalog.delete(s.id(), id)) {
            throw ProblemException.notFound("productId", "No product '" + id + "' in this shop");
        }
    }

    private List<AssociationScore.Evidence> evidence(String shop, String id, OfferSheet sheet) {
        if (sheet == null) {
            return List.of();
        }
        List<String> partners = sheet.complements().stream().filter(c -> c.pairCount() > 0)
                .map(Candidate::productId).toList();
        List<String> ids = new ArrayList<>(partners);
        ids.add(id);
        Map<String, Integer> c = counts.counts(shop, ids);
        long orders = counts.orders(shop);
        return sheet.complements().stream().filter(x -> x.pairCount() > 0)
                .map(x -> AssociationScore.Evidence.of(x.productId(), x.pairCount(), c.get(id), c.get(x.productId()),
                        orders))
                .toList();
    }
}
