package dev.triad.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.TriadConfig;
import dev.triad.offer.OfferResponse;
import dev.triad.shop.Shop;

/**
 * Where an offer leads from outside the storefront (an e-mail). Shopify: the cart permalink
 * {@code https://<shop>/cart/<variant>:1,…}, or for a discount Triad's {@code /shopify/v1/take} (claims it, then
 * the permalink with the code). WooCommerce: the plugin's {@code ?triad-take=<ids>&triad-token=<token>} on the
 * store's site, which puts the items in the cart with the discount while the token is valid.
 */
@ApplicationScoped
public class OfferLinks {

    private final String publicUrl;

    public OfferLinks(TriadConfig config) {
        this.publicUrl = config.publicUrl().map(u -> u.replaceAll("/$", "")).orElse(null);
    }

    /** Triad's public address without a trailing slash; null when {@code triad.public-url} is not set. */
    public String publicUrl() {
        return publicUrl;
    }

    public String of(Shop shop, OfferResponse.View offer) {
        List<OfferResponse.Item> items = offer.items() != null ? offer.items() : List.of(new OfferResponse.Item(
                offer.productId(), offer.variantId(), offer.title(), offer.image(), offer.url(), offer.price()));
        if ("woocommerce".equals(shop.platform())) {
            String ids = items.stream().map(i -> i.variantId() != null ? i.variantId() : i.productId())
                    .collect(Collectors.joining(","));
            return home(shop) + "?triad-take=" + encode(ids)
                    + (offer.token() == null ? "" : "&triad-token=" + encode(offer.token()));
        }
        if (offer.token() != null && publicUrl != null) {
            return publicUrl + "/shopify/v1/take?shop=" + encode(shop.id()) + "&token=" + encode(offer.token());
        }
        if (items.stream().anyMatch(i -> i.variantId() == null)) {
            String url = items.get(0).url();
            return url != null && url.startsWith("https://") ? url : "https://" + shop.id() + (url == null ? "/" : url);
        }
        return "https://" + shop.id() + "/cart/" + items.stream().map(i -> i.variantId() + ":1")
                .collect(Collectors.joining(","));
    }

    /** The store's home page: where a link that leads nowhere else goes. */
    public static String home(Shop shop) {
        return ("woocommerce".equals(shop.platform()) && !shop.allowedOrigins().isEmpty() ? shop.allowedOrigins().get(0)
                : "https://" + shop.id()) + "/";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
