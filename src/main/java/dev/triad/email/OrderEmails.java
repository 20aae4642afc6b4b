package dev.triad.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.ingest.ImportedOrder;
import dev.triad.offer.CartLine;
import dev.triad.offer.OfferResponse;
import dev.triad.shop.Shop;
import dev.triad.webhook.OrderPlaced;

/**
 * Each new order of a shop with Klaviyo connected becomes one "Triad Offers Ready" event on the buyer's profile
 * (by e-mail address): the order's offers for a next purchase (no upgrade of what was just bought), each with
 * its link — to the store's cart with the item, or, for an offer with a discount, to Triad's claim link, which
 * applies the discount while the offer's token is valid. {@code unique_id} is the order's, and Triad takes
 * each order on once, so one order never sends two events. Nothing of it runs on the webhook's thread.
 */
@ApplicationScoped
public class OrderEmails {

    static final String METRIC = "Triad Offers Ready";
    private static final Logger LOG = Logger.getLogger(OrderEmails.class);

    private final KlaviyoKeys keys;
    private final KlaviyoEvents klaviyo;
    private final EmailOffers offers;
    private final ObjectMapper mapper;
    private final OfferLinks links;

    public OrderEmails(KlaviyoKeys keys, KlaviyoEvents klaviyo, EmailOffers offers, ObjectMapper mapper,
            OfferLinks links) {
        this.keys = keys;
        this.klaviyo = klaviyo;
        this.offers = offers;
        this.mapper = mapper;
        this.links = links;
    }

    void onOrder(@Observes OrderPlaced placed) {
        if (placed.order().email() != null && !placed.order().order().lines().isEmpty()) {
            klaviyo.later(() -> prepare(placed));
        }
    }

    private void prepare(OrderPlaced placed) {
        Shop shop = placed.shop();
        ImportedOrder order = placed.order().order();
        try {
            String privateKey = keys.find(shop.id());
            if (privateKey == null || !keys.firstFor(shop.id(), order.id())) {
                return;
            }
            List<CartLine> lines = lines(order);
            List<OfferResponse.View> next = lines.isEmpty() ? List.of()
                    : offers.after(shop, lines, order.customerId(), order.id());
            if (next.isEmpty()) {
                return;
            }
            klaviyo.send(privateKey, event(shop, placed.order().email(), order, next),
                    "the offers of order " + order.id() + " of " + shop.id());
        } catch (RuntimeException e) {
            LOG.warnf(e, "No Klaviyo event for order %s of %s", order.id(), shop.id());
        }
    }

    private static List<CartLine> lines(ImportedOrder order) {
        List<CartLine> lines = new ArrayList<>();
        for (ImportedOrder.Line line : order.lines()) {
            if (line.productId() != null && line.price() != null && lines.size() < 100) {
                lines.add(new CartLine(line.productId(), line.variantId(), line.quantity(), line.price()));
            }
        }
        return lines;
    }

    /** The JSON:API document of Create Event. */
    byte[] event(Shop shop, String email, ImportedOrder order, List<OfferResponse.View> next) {
        List<Map<String, Object>> cards = new ArrayList<>();
        for (OfferResponse.View offer : next) {
            List<Map<String, Object>> items = offer.items() != null ? offer.items().stream().map(i -> item(i.productId(),
                    i.variantId(), i.title(), i.image(), i.url(), i.price())).toList()
                    : List.of(item(offer.productId(), offer.variantId(), offer.title(), offer.image(), offer.url(),
                            offer.price()));
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("tier", offer.tier());
            card.put("kind", offer.kind());
            card.put("recommended", Boolean.TRUE.equals(offer.recommended()));
            card.put("title", items.stream().map(i -> (String) i.get("title")).collect(Collectors.joining(" + ")));
            card.put("image", items.get(0).get("image"));
            card.put("price", offer.price());
            card.put("extra", offer.extra());
            card.put("discountPercent", offer.discountPercent());
            card.put("expiresAt", offer.expiresAt());
            card.put("url", links.of(shop, offer));
            card.put("items", items);
            cards.add(card);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("OrderId", order.id());
        properties.put("Currency", shop.currency());
        properties.put("Offers", cards);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("properties", properties);
        attributes.put("time", Instant.now().toString());
        attributes.put("unique_id", "triad-offers-" + shop.id() + "-" + order.id());
        attributes.put("metric", Map.of("data", Map.of("type", "metric", "attributes", Map.of("name", METRIC))));
        attributes.put("profile", Map.of("data", Map.of("type", "profile", "attributes", Map.of("email", email))));
        try {
            return mapper.writeValueAsBytes(Map.of("data", Map.of("type", "event", "attributes", attributes)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event of maps and strings always writes", e);
        }
    }

    private static Map<String, Object> item(String productId, String variantId, String title, String image, String url,
            String price) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productId", productId);
        item.put("variantId", variantId);
        item.put("title", title);
        item.put("image", image);
        item.put("url", url);
        item.put("price", price);
        return item;
    }
}
