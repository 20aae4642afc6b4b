package dev.triad.email;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import dev.triad.shop.Shop;
import dev.triad.shop.ShopAccess;

/**
 * {@code GET /admin/v1/shops/{shop}/email-snippet} — the Liquid a Shopify merchant pastes into a notification
 * template (Settings → Notifications → Order confirmation, Abandoned checkout): three offer cards for the
 * e-mail's line items, each an image and a link to Triad, signed with the shop's e-mail secret through Shopify's
 * {@code hmac_sha256} filter (a notification cannot fetch data, but its links and images may point anywhere).
 */
@Path("/admin/v1/shops/{shop}/email-snippet")
public class EmailSnippetResource {

    private final ShopAccess access;
    private final EmailLinks links;
    private final String publicUrl;

    public EmailSnippetResource(ShopAccess access, EmailLinks links, OfferLinks offerLinks) {
        this.access = access;
        this.links = links;
        this.publicUrl = offerLinks.publicUrl();
    }

    @GET
    @Produces("text/plain; charset=utf-8")
    public String snippet(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization,
            @Context UriInfo uri) {
        Shop found = access.require(shop, authorization);
        String base = publicUrl != null ? publicUrl : uri.getBaseUri().toString().replaceAll("/$", "");
        return SNIPPET.replace("TRIAD_URL", base + "/email/v1/" + found.id()).replace("TRIAD_SHOP", found.id())
                .replace("TRIAD_SECRET", links.secret(found.id()));
    }

    /** The snippet; {@code ref} is the order's id ({@code id} in order notifications, the checkout's in abandoned-checkout ones). */
    static final String SNIPPET = """
            {%- comment -%}
              Triad: "For your next order" cards (three at most). Paste where they should appear in
              Settings > Notifications > Order confirmation (or Abandoned checkout). The secret below signs the links:
              keep it in the notification templates only.
            {%- endcomment -%}
            {%- assign triad_ids = '' -%}
            {%- for triad_line in line_items limit: 20 -%}
              {%- if triad_line.product_id -%}{%- assign triad_ids = triad_ids | append: triad_line.product_id | append: ',' -%}{%- endif -%}
            {%- endfor -%}
            {%- assign triad_ids = triad_ids | split: ',' | uniq | join: ',' -%}
            {%- if triad_ids != '' -%}
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" class="triad-offers">
              <tr><td colspan="3"><h3>For your next order</h3></td></tr>
              <tr>
              {%- for triad_slot in (1..3) -%}
                {%- capture triad_message -%}TRIAD_SHOP {{ id }} {{ triad_ids }} {{ triad_slot }}{%- endcapture -%}
                {%- assign triad_signature = triad_message | hmac_sha256: 'TRIAD_SECRET' -%}
                {%- capture triad_query -%}r={{ id }}&p={{ triad_ids | url_encode }}&n={{ triad_slot }}&s={{ triad_signature }}{%- endcapture -%}
                <td width="33%" align="center"><a href="TRIAD_URL/go?{{ triad_query }}"><img src="TRIAD_URL/offer.png?{{ triad_query }}" width="160" alt="Offer {{ triad_slot }}" style="border:0;max-width:100%"></a></td>
              {%- endfor -%}
              </tr>
            </table>
            {%- endif -%}
            """;
}
