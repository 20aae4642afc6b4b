package dev.triad.webhook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.triad.base.Ids;
import dev.triad.catalog.ProductFacts;
import dev.triad.ingest.ImportedOrder;
import dev.triad.ingest.OrderDates;
import dev.triad.ingest.OrderOutcome;

/** WooCommerce webhook bodies (the REST v3 representation) as Triad's records. */
final class WooPayloads {

    static final String SESSION_META = "_triad_session";

    private WooPayloads() {
    }

    /** The order, or null for one that did not go through ({@link OrderOutcome}: cancelled, refunded, failed, …). */
    static StoreOrder order(JsonNode body) {
        JsonNode order = Payloads.object(body);
        String id = Payloads.requiredId(order, "id");
        if (OrderOutcome.notThrough(null, null, Payloads.text(order, "status")) != null) {
            return null;
        }
        List<ImportedOrder.Line> lines = Payloads.lines(order, "variation_id", "name").stream()
                .map(l -> new ImportedOrder.Line(l.productId(), l.sku(), l.variantId(), WordPressText.htmlDecode(l.title()),
                        l.quantity(), l.price()))
                .toList();
        String session = null;
        for (JsonNode meta : order.path("meta_data")) {
            if (SESSION_META.equals(meta.path("key").asText())) {
                session = Payloads.text(meta, "value");
            }
        }
        String customer = Payloads.id(order, "customer_id", "customer_id");
        // A guest's order has customer_id 0.
        return new StoreOrder(new ImportedOrder(id, "0".equals(customer) ? null : customer, lines,
                OrderDates.day(Payloads.text(order, "date_created_gmt"))), session,
                Payloads.money(order, "total", "total"), StoreOrder.email(Payloads.text(order.path("billing"), "email")));
    }

    /**
     * The product's facts: one variant for a simple product (the product itself; none for an external
     * product, which cannot be added to a cart), the regular price
     * as compare-at price while on sale, the first category as its type, {@code upsell_ids} and
     * {@code cross_sell_ids} as the merchant's pinned upgrades and complements.
     */
    static ProductFacts product(JsonNode body) {
        JsonNode product = Payloads.object(body);
        String id = Payloads.requiredId(product, "id");
        BigDecimal price = Payloads.money(product, "price", "price");
        BigDecimal regular = Payloads.money(product, "regular_price", "regular_price");
        boolean published = !"trash".equals(Payloads.text(product, "status"))
                && !"draft".equals(Payloads.text(product, "status"));
        boolean inStock = published && !"outofstock".equals(Payloads.text(product, "stock_status"))
                && product.path("purchasable").asBoolean(true);
        // An external (affiliate) product links to another site and cannot be added to a cart: never offered.
        boolean external = "external".equals(Payloads.text(product, "type"));
        List<ProductFacts.Variant> variants = price == null || external ? List.of()
                : List.of(new ProductFacts.Variant(id, null, price,
                        regular != null && regular.compareTo(price) > 0 ? regular : null, inStock, options(product)));
        JsonNode categories = product.path("categories");
        String type = categories.size() > 0 ? Payloads.text(categories.get(0), "slug") : null;
        String image = product.path("images").size() > 0 ? Payloads.text(product.path("images").get(0), "src") : null;
        BigDecimal rating = Payloads.money(product, "average_rating", "average_rating");
        int reviews = product.path("rating_count").asInt(0);
        String name = WordPressText.htmlDecode(Payloads.text(product, "name"));
        return new ProductFacts(id, name == null ? id : name, type, Payloads.text(product, "permalink"), image,
                reviews > 0 && rating != null ? rating.doubleValue() : null, reviews > 0 ? reviews : null, variants,
                ids(product.path("cross_sell_ids"), "cross_sell_ids"), ids(product.path("upsell_ids"), "upsell_ids"));
    }

    /**
     * A variation's attributes ({@code attributes: [{"name": "Color", "option": "Black"}]}); a simple
     * or variable product lists the values it offers ({@code options}) instead, which fix none. An
     * empty option is WooCommerce's "any".
     */
    private static Map<String, String> options(JsonNode product) {
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode attribute : product.path("attributes")) {
            String name = WordPressText.htmlDecode(Payloads.text(attribute, "name"));
            String value = WordPressText.htmlDecode(Payloads.text(attribute, "option"));
            if (name != null && value != null && !name.isBlank() && !value.isBlank()) {
                options.put(name, value);
            }
        }
        return options;
    }

    static boolean variable(JsonNode product) {
        return "variable".equals(Payloads.text(product, "type"));
    }

    /** The ids of a variable product's variations as its body lists them; null when it does not list them. */
    static List<String> variationIds(JsonNode product) {
        JsonNode list = Payloads.object(product).path("variations");
        return list.isArray() ? ids(list, "variations") : null;
    }

    /** The id of the product a variation belongs to; null for a product that is not a variation. */
    static String parentOf(JsonNode product) {
        return Payloads.id(product, "parent_id", "parent_id");
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ids.add(Ids.require(field + "[" + i + "]", list.get(i).asText("")));
        }
        return ids;
    }
}
