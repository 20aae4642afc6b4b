package dev.triad.email;

import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.triad.base.Ids;
import dev.triad.offer.OfferResponse;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopStore;

/**
 * The offer cards of platform e-mails (the Shopify notification snippet, the WooCommerce plugin's e-mails): each
 * card is an image and a link naming the shop, a reference (the order), the products bought and the card's slot
 * (1-3), signed ({@link EmailLinks}).
 * <ul>
 * <li>{@code GET /email/v1/{shop}/offer.png?r&p&n&s} — the slot's offer's product image (302), at open time;</li>
 * <li>{@code GET /email/v1/{shop}/go?r&p&n&s} — at click time, 303 to the offer in the store's cart, its
 * discount claimed while its token is valid ({@link OfferLinks}); counted as an {@code email} click.</li>
 * </ul>
 * An unknown shop, a wrong signature or a slot without an offer gets a neutral image (a transparent pixel) and the
 * shop's home page: never an error page in a customer's inbox.
 */
@Path("/email/v1/{shop}")
public class EmailResource {

    private static final Logger LOG = Logger.getLogger(EmailResource.class);
    /** A 1×1 transparent PNG. */
    static final byte[] NEUTRAL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
    private static final int MAX_PRODUCTS = 20;

    private final EmailLinks links;
    private final EmailOffers offers;
    private final OfferLinks offerLinks;
    private final ShopStore shops;

    public EmailResource(EmailLinks links, EmailOffers offers, OfferLinks offerLinks, ShopStore shops) {
        this.links = links;
        this.offers = offers;
        this.offerLinks = offerLinks;
        this.shops = shops;
    }

    @GET
    @Path("offer.png")
    public Response image(@PathParam("shop") String shop, @QueryParam("r") String ref, @QueryParam("p") String products,
            @QueryParam("n") String slot, @QueryParam("s") String signature) {
        OfferResponse.View offer = offer(shop, ref, products, slot, signature);
        String image = offer == null ? null : offer.items() != null ? offer.items().get(0).image() : offer.image();
        if (image == null || !image.startsWith("https://")) {
            return Response.ok(NEUTRAL, "image/png").header("Cache-Control", "no-store").build();
        }
        return Response.status(Response.Status.FOUND).location(URI.create(image))
                .header("Cache-Control", "private, max-age=3600").build();
    }

    @GET
    @Path("go")
    public Response go(@PathParam("shop") String shop, @QueryParam("r") String ref, @QueryParam("p") String products,
            @QueryParam("n") String slot, @QueryParam("s") String signature) {
        Shop found = shops.find(shop).orElse(null);
        OfferResponse.View offer = found == null ? null : offer(shop, ref, products, slot, signature);
        if (found == null) {
            return Response.ok("<!doctype html><title>Offer</title><p>This offer is no longer available.</p>", "text/html")
                    .build();
        }
        if (offer == null) {
            return Response.seeOther(URI.create(OfferLinks.home(found))).build();
        }
        offers.count(found, "click");
        if (offer.token() != null) {
            offers.count(found, "claim");
        }
        return Response.seeOther(URI.create(offerLinks.of(found, offer))).header("Cache-Control", "no-store").build();
    }

    /** The slot's offer, when the link is signed and Triad has one; null otherwise. */
    private OfferResponse.View offer(String shopName, String ref, String products, String slotParam, String signature) {
        Shop shop = shopName == null ? null : shops.find(shopName).orElse(null);
        // A mangled link (a mail client cutting or re-encoding it) leads home too, never to an error page.
        int slot = "1".equals(slotParam) ? 1 : "2".equals(slotParam) ? 2 : "3".equals(slotParam) ? 3 : 0;
        if (shop == null || ref == null || products == null || slot == 0
                || !links.valid(shop.id(), ref, products, slot, signature)) {
            return null;
        }
        List<String> ids = Arrays.stream(products.split(",")).distinct().filter(Ids::valid).limit(MAX_PRODUCTS).toList();
        try {
            List<OfferResponse.View> shown = offers.after(shop, ids, ref);
            return slot <= shown.size() ? shown.get(slot - 1) : null;
        } catch (RuntimeException e) {
            LOG.debugf("No e-mail offer for %s: %s", shop.id(), e);
            return null;
        }
    }
}
