package dev.triad.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.Admin;
import dev.triad.support.Orders;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Shopify stock with today's API. Shapes: the current {@code products/update} sample
 * ({@code ../shared/data/fixtures/shopify/products-update-current-sample.json}, shopify.dev webhook
 * reference, API 2024-07 and later: variants carry {@code inventory_policy}, {@code inventory_quantity},
 * {@code inventory_item_id} and no {@code inventory_management}); the {@code inventory_items/update}
 * body is an InventoryItem ({@code id}, {@code sku}, {@code tracked}, {@code requires_shipping}, …) and
 * the {@code inventory_levels/update} body an InventoryLevel ({@code inventory_item_id}, {@code location_id},
 * {@code available}, {@code updated_at}), as in the shopify.dev webhook topic reference samples.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class ShopifyInventoryTest {

    static final long SMALL_ITEM = 49148385;
    static final long MEDIUM_ITEM = 49148386;

    @Test
    void shouldTakeATrackedVariantWithNoneLeftOutOfStockAndBackInWhenALevelComes() {
        Admin shop = Admin.register("inventory-tracked.myshopify.com");
        shirt(shop, 788032119674292922L, 0, 0);
        assertThat(inStock(shop, 788032119674292922L)).as("untracked until Shopify says otherwise").containsExactly(true, true);

        inventoryItem(shop, SMALL_ITEM, true);
        inventoryItem(shop, MEDIUM_ITEM, false);
        assertThat(inStock(shop, 788032119674292922L)).as("Small is tracked and has none; Medium is not tracked").containsExactly(false, true);

        level(shop, SMALL_ITEM, 24826418, 4);
        assertThat(inStock(shop, 788032119674292922L)).containsExactly(true, true);
        level(shop, SMALL_ITEM, 24826418, 0);
        assertThat(inStock(shop, 788032119674292922L)).containsExactly(false, true);
    }

    @Test
    void shouldKnowAnItemIsTrackedWhenItsInventoryItemArrivesBeforeItsProduct() {
        Admin shop = Admin.register("inventory-first.myshopify.com");
        inventoryItem(shop, SMALL_ITEM + 10, true);

        shirt(shop, 788032119674292923L, 10, 0);

        assertThat(inStock(shop, 788032119674292923L)).containsExactly(false, true);
    }

    /** The current sample product as product {@code id}, its variants' inventory items and quantities set. */
    static void shirt(Admin shop, long id, long itemOffset, int quantity) {
        Map<String, Object> product = new HashMap<>(JsonPath.from(Stores.fixture("shopify/products-update-current-sample.json"))
                .getMap(""));
        List<Map<String, Object>> variants = new ArrayList<>();
        long item = SMALL_ITEM + itemOffset;
        for (Map<String, Object> v : JsonPath.from(Stores.fixture("shopify/products-update-current-sample.json"))
                .<Map<String, Object>>getList("variants")) {
            Map<String, Object> variant = new HashMap<>(v);
            variant.put("inventory_item_id", item++);
            variant.put("inventory_quantity", quantity);
            variant.put("inventory_policy", "deny");
            variants.add(variant);
        }
        product.put("variants", variants);
        product.put("id", id);
        Stores.shopify(shop.shop(), "products/update", null, Orders.json(product)).then().statusCode(200);
    }

    static void inventoryItem(Admin shop, long id, boolean tracked) {
        Stores.shopify(shop.shop(), "inventory_items/update", null, Orders.json(Map.of("id", id, "sku", "example-sku",
                "created_at", "2021-12-31T19:00:00-05:00", "updated_at", "2021-12-31T19:00:00-05:00",
                "requires_shipping", true, "tracked", tracked, "country_harmonized_system_codes", List.of(),
                "admin_graphql_api_id", "gid://shopify/InventoryItem/" + id))).then().statusCode(200);
    }

    static void level(Admin shop, long item, long location, int available) {
        Stores.shopify(shop.shop(), "inventory_levels/update", null, Orders.json(Map.of("inventory_item_id", item,
                "location_id", location, "available", available, "updated_at", "2021-12-31T19:00:00-05:00",
                "admin_graphql_api_id", "gid://shopify/InventoryLevel/" + location + "?inventory_item_id=" + item)))
                .then().statusCode(200);
    }

    static List<Boolean> inStock(Admin shop, long id) {
        return shop.product(String.valueOf(id)).getList("product.variants.inStock", Boolean.class);
    }
}
