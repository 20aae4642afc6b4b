package dev.triad.webhook;

import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.triad.problem.ProblemException;

/**
 * The Shopify topics Triad takes, and what a body of each must look like. Shopify signs the body
 * only — the topic, shop and event id headers are not signed — so a captured body could be sent
 * again under another topic or shop. Each topic's body must have that topic's shape, the shop it
 * names (where it names one) must be the header's, and the Shopify-wide id it carries is what
 * {@link ShopifyOwners} binds to one shop.
 */
enum ShopifyTopic {

    ORDERS_CREATE("orders/create", "order", false),
    PRODUCTS_CREATE("products/create", "product", false),
    PRODUCTS_UPDATE("products/update", "product", false),
    PRODUCTS_DELETE("products/delete", "product", false),
    INVENTORY_ITEMS_CREATE("inventory_items/create", "inventory_item", false),
    INVENTORY_ITEMS_UPDATE("inventory_items/update", "inventory_item", false),
    INVENTORY_LEVELS_UPDATE("inventory_levels/update", "inventory_item", false),
    BULK_OPERATIONS_FINISH("bulk_operations/finish", "bulk_operation", false),
    APP_UNINSTALLED("app/uninstalled", "shop", false),
    CUSTOMERS_REDACT("customers/redact", "shop", true),
    CUSTOMERS_DATA_REQUEST("customers/data_request", "shop", true),
    SHOP_REDACT("shop/redact", "shop", true);

    /** The topic as Shopify names it in {@code X-Shopify-Topic}. */
    final String name;
    /** What kind of Shopify-wide id the body carries: order, product, inventory item or shop. */
    final String owned;
    /** A mandatory privacy (compliance) topic: answered 200 even for a shop Triad no longer holds. */
    final boolean compliance;

    ShopifyTopic(String name, String owned, boolean compliance) {
        this.name = name;
        this.owned = owned;
        this.compliance = compliance;
    }

    /** The topic named {@code name}, or null for a topic Triad does not take. */
    static ShopifyTopic of(String name) {
        for (ShopifyTopic topic : values()) {
            if (topic.name.equals(name)) {
                return topic;
            }
        }
        return null;
    }

    /**
     * Refuses a body that does not have this topic's shape (400) or that names a shop other than
     * {@code shop} (403); answers the Shopify-wide id the body carries.
     */
    String check(JsonNode body, String shop) {
        switch (this) {
            case ORDERS_CREATE -> {
                require(body, "line_items", JsonNode::isArray, "an array");
                absent(body, "variants", "shop_domain", "myshopify_domain");
                String status = Payloads.text(body, "order_status_url");
                sameShop(status == null ? null : host(status), shop, "order_status_url");
                return Payloads.requiredId(body, "id");
            }
            case PRODUCTS_CREATE, PRODUCTS_UPDATE -> {
                require(body, "variants", JsonNode::isArray, "an array");
                require(body, "title", JsonNode::isTextual, "a text");
                absent(body, "line_items", "shop_domain", "myshopify_domain");
                return Payloads.requiredId(body, "id");
            }
            case PRODUCTS_DELETE -> {
                absent(body, "line_items", "variants", "shop_domain", "myshopify_domain", "customer");
                return Payloads.requiredId(body, "id");
            }
            case INVENTORY_ITEMS_CREATE, INVENTORY_ITEMS_UPDATE -> {
                require(body, "tracked", JsonNode::isBoolean, "true or false");
                absent(body, "line_items", "variants", "shop_domain", "myshopify_domain", "inventory_item_id");
                return Payloads.requiredId(body, "id");
            }
            case INVENTORY_LEVELS_UPDATE -> {
                require(body, "location_id", JsonNode::isIntegralNumber, "a number");
                absent(body, "line_items", "variants", "shop_domain", "myshopify_domain", "tracked");
                return Payloads.requiredId(body, "inventory_item_id");
            }
            case BULK_OPERATIONS_FINISH -> {
                require(body, "admin_graphql_api_id", JsonNode::isTextual, "a text");
                require(body, "status", JsonNode::isTextual, "a text");
                absent(body, "line_items", "variants", "shop_domain", "myshopify_domain");
                return Payloads.requiredId(body, "admin_graphql_api_id");
            }
            case APP_UNINSTALLED -> {
                if (!body.has("myshopify_domain")) {
                    throw shape("myshopify_domain");
                }
                absent(body, "line_items", "variants", "shop_domain");
                sameShop(Payloads.text(body, "myshopify_domain"), shop, "myshopify_domain");
                return Payloads.requiredId(body, "id");
            }
            default -> {
                require(body, "shop_domain", JsonNode::isTextual, "a text");
                if (this == SHOP_REDACT) {
                    absent(body, "customer", "line_items", "variants");
                } else {
                    require(body, "customer", JsonNode::isObject, "an object");
                }
                if (this == CUSTOMERS_DATA_REQUEST) {
                    require(body, "data_request", JsonNode::isObject, "an object");
                }
                sameShop(Payloads.text(body, "shop_domain"), shop, "shop_domain");
                return Payloads.requiredId(body, "shop_id");
            }
        }
    }

    private void require(JsonNode body, String field, java.util.function.Predicate<JsonNode> kind, String what) {
        if (!kind.test(body.path(field))) {
            throw ProblemException.invalid(field, "A " + name + " body holds '" + field + "' as " + what);
        }
    }

    private void absent(JsonNode body, String... fields) {
        for (String field : fields) {
            if (body.has(field)) {
                throw shape(field);
            }
        }
    }

    private ProblemException shape(String field) {
        return ProblemException.invalid(field, "This body is not a " + name + " body ('" + field + "')");
    }

    /** A myshopify.com domain the signed body names must be the shop of the header. */
    private static void sameShop(String named, String shop, String field) {
        if (named == null) {
            return;
        }
        String domain = named.trim().toLowerCase(Locale.ROOT);
        if (domain.endsWith(".myshopify.com") && !domain.equals(shop)) {
            throw ProblemException.forbidden("X-Shopify-Shop-Domain",
                    "The signed body belongs to another shop (its " + field + "), not to " + shop);
        }
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
