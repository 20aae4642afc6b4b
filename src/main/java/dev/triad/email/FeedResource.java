package dev.triad.email;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.triad.problem.ProblemException;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopStore;

/**
 * {@code GET /feeds/v1/{shop}/{feedKey}/add-ons.json[?addOns=1-3]} — the shop's add-on feed ({@link AddOnFeed}) for
 * a Klaviyo web feed, three add-ons a product unless {@code addOns} asks for fewer (a large catalog then fits more
 * products under Klaviyo's size limit). 200 with {@code ETag}, {@code Last-Modified} (when its content last changed) and five minutes of
 * caching; 304 to a matching {@code If-None-Match} or an {@code If-Modified-Since} not before it; 404 alike for an
 * unknown shop and a wrong or revoked key (nobody learns which shops exist). Never redirects.
 */
@Path("/feeds/v1/{shop}/{feedKey}/add-ons.json")
public class FeedResource {

    private final FeedKeys keys;
    private final AddOnFeed feed;
    private final ShopStore shops;
    public FeedResource(FeedKeys keys, AddOnFeed feed, ShopStore shops) {
        this.keys = keys;
        this.feed = feed;
        this.shops = shops;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response feed(@PathParam("shop") String shopName, @PathParam("feedKey") String feedKey,
            @QueryParam("addOns") @DefaultValue("3") int addOns, @HeaderParam("If-None-Match") String ifNoneMatch,
            @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        if (addOns < 1 || addOns > AddOnFeed.MAX_ADD_ONS) {
            throw ProblemException.invalid("addOns", "'addOns' is how many add-ons a product lists: 1, 2 or 3");
        }
        Shop shop = shops.find(shopName).filter(s -> keys.matches(s.id(), feedKey)).orElseThrow(
                () -> ProblemException.notFound("feedKey", "No feed at this address"));
        AddOnFeed.Built built = feed.build(shop, addOns);
        Instant modified = built.modifiedAt();
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC));
        if (built.etag().equals(ifNoneMatch) || (ifNoneMatch == null && notModifiedSince(ifModifiedSince, modified))) {
            return Response.notModified(built.etag()).header("Last-Modified", lastModified).build();
        }
        return Response.ok(built.body(), MediaType.APPLICATION_JSON_TYPE).header("ETag", built.etag())
                .header("Last-Modified", lastModified).header("Cache-Control", "max-age=300").build();
    }

    private static boolean notModifiedSince(String header, Instant modified) {
        if (header == null) {
            return false;
        }
        try {
            return !modified.isAfter(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
