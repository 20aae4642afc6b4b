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
import dev.triad.problem.ProblemException;

/** Shopify webhook bodies (the REST representation of the order or product) as Triad's records. */
final class ShopifyPayloads {

    /** The cart attribute the widget may set; the order's cart token otherwise names the session. */
    static final String SESSION_ATTRIBUTE = "triad_session";

    private ShopifyPayloads() {
    }

    /** The order, or null for one that did not go through ({@link OrderOutcome}). Lines without a product (custom items) are left out. */
    static StoreOrder order(JsonNode body) {
        JsonNode order = Payloads.object(body);
        String id = Payloads.requiredId(order, "id");
        if (OrderOutcome.notThrough(Payloads.text(order, "cancelled_at"), Payloads.text(order, "financial_status"),
                null) != null) {
            return null;
        }
        List<ImportedOrder.Line> lines = Payloads.lines(order, "variant_id", "title");
        String customer = Payloads.id(order.path("customer"), "id", "customer.id");
        return new StoreOrder(new ImportedOrder(id, customer, lines, OrderDates.day(Payloads.text(order, "created_at"))),
                session(order),
                Payloads.money(order, "total_price", "total_price"),
                StoreOrder.email(Payloads.text(order, "email") != null ? Payloads.text(order, "email")
                        : Payloads.text(order.path("customer"), "email")));
    }

    /** A product body's variant ids by SKU (variants without a SKU left out). */
    static Map<String, String> variantsBySku(JsonNode body) {
        Map<String, String> bySku = new LinkedHashMap<>();
        for (JsonNode v : Payloads.object(body).path("variants")) {
            String sku = Payloads.text(v, "sku");
            String id = Payloads.id(v, "id", "variants[].id");
            if (sku != null && !sku.isBlank() && id != null && Ids.valid(sku)) {
                bySku.put(sku, id);
            }
        }
        return bySku;
    }

    /** The inventory item ids a product body's variants name. */
    static List<String> inventoryItemIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode v : Payloads.object(body).path("variants")) {
            String item = Payloads.id(v, "inventory_item_id", "variants[].inventory_item_id");
            if (item != null) {
                ids.add(item);
            }
        }
        return ids;
    }

    /** What the product body says of each of its variants' inventory items, by item id. */
    static Map<String, ShopifyInventory.Item> inventoryItems(JsonNode body, Map<String, Boolean> trackedByItem) {
        JsonNode product = Payloads.object(body);
        String id = Payloads.requiredId(product, "id");
        Map<String, ShopifyInventory.Item> items = new LinkedHashMap<>();
        for (JsonNode v : product.path("variants")) {
            String item = Payloads.id(v, "inventory_item_id", "variants[].inventory_item_id");
            String variantId = Payloads.id(v, "id", "variants[].id");
            if (item != null && variantId != null) {
                items.put(item, item(id, variantId, v, active(product), trackedByItem));
            }
        }
        return items;
    }

    private static ShopifyInventory.Item item(String productId, String variantId, JsonNode v, boolean active,
            Map<String, Boolean> trackedByItem) {
        Boolean tracked = v.has("inventory_management") ? Boolean.valueOf(Payloads.text(v, "inventory_management") != null)
                : trackedByItem.get(String.valueOf(Payloads.text(v, "inventory_item_id")));
        return new ShopifyInventory.Item(productId, variantId, "continue".equals(Payloads.text(v, "inventory_policy")),
                active, v.path("inventory_quantity").asInt(0), tracked);
    }

    private static boolean active(JsonNode product) {
        String status = Payloads.text(product, "status");
        return status == null || status.equals("active");
    }

    /** The product's option names by position ({@code options[].name}, ordered by {@code position}). */
    private static List<String> optionNames(JsonNode product) {
        List<String> names = new ArrayList<>(List.of("", "", ""));
        int next = 0;
        for (JsonNode option : product.path("options")) {
            int position = option.path("position").asInt(next + 1);
            String name = Payloads.text(option, "name");
            if (position >= 1 && position <= 3 && name != null) {
                names.set(position - 1, name);
            }
            next++;
        }
        return names;
    }

    /**
     * A variant's {@code option1}…{@code option3} by the product's option names; a product without
     * options has the single option "Title" of value "Default Title", which says nothing.
     */
    private static Map<String, String> options(JsonNode variant, List<String> names) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String value = Payloads.text(variant, "option" + (i + 1));
            if (!names.get(i).isEmpty() && value != null && !value.equals("Default Title")) {
                options.put(names.get(i), value);
            }
        }
        return options;
    }

    private static String session(JsonNode order) {
        for (JsonNode attribute : order.path("note_attributes")) {
            if (SESSION_ATTRIBUTE.equals(attribute.path("name").asText())) {
                String value = Payloads.text(attribute, "value");
                if (value != null) {
                    return value;
                }
            }
        }
        return Payloads.text(order, "cart_token");
    }

    /**
     * The product's facts. A variant is in stock when Shopify does not track it, sells it on
     * backorder ({@code inventory_policy: continue}) or has some; a product that is not active has
     * every variant out of stock, so it leaves every offer. Whether a variant is tracked is
     * {@code inventory_management} in API versions before 2024-07, and its inventory item's
     * {@code tracked} since ({@code trackedByItem}, from {@link ShopifyInventory}).
     */
    static ProductFacts product(JsonNode body, Map<String, Boolean> trackedByItem) {
        JsonNode product = Payloads.object(body);
        String id = Payloads.requiredId(product, "id");
        List<ProductFacts.Variant> variants = new ArrayList<>();
        List<String> optionNames = optionNames(product);
        JsonNode list = product.path("variants");
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            String at = "variants[" + i + "]";
            String variantId = Payloads.id(v, "id", at + ".id");
            BigDecimal price = Payloads.money(v, "price", at + ".price");
            if (variantId == null || price == null) {
                throw ProblemException.invalid(at, "'" + at + "' needs an id and a price");
            }
            boolean inStock = item(id, variantId, v, active(product), trackedByItem).inStock();
            variants.add(new ProductFacts.Variant(variantId, Payloads.text(v, "title"), price,
                    Payloads.money(v, "compare_at_price", at + ".compare_at_price"), inStock, options(v, optionNames)));
        }
        String handle = Payloads.text(product, "handle");
        String image = Payloads.text(product.path("image"), "src");
        if (image == null && product.path("images").size() > 0) {
            image = Payloads.text(product.path("images").get(0), "src");
        }
        String title = Payloads.text(product, "title");
        return new ProductFacts(id, title == null ? id : title, Payloads.text(product, "product_type"),
                handle == null ? null : "/products/" + handle, image, null, null, variants, List.of(), List.of());
    }
}
