package dev.triad.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.Admin;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class CatalogImportTest {

    static final Path FORMATS = Path.of("..", "shared", "data", "formats");

    @Test
    void shouldTurnWooCommerceUpsellsAndCrossSellsIntoPins() {
        Admin shop = Admin.register("woo-pins.example");

        JsonPath report = importCatalog(shop, """
                ID,Type,SKU,Name,In stock?,Stock,Sale price,Regular price,Categories,Images,Parent,Upsells,Cross-sells
                10,variable,tee,T-Shirt,1,,,,Clothing > Tshirts,https://img/tee.png,,id:12,"cap, id:13"
                11,variation,tee-red,T-Shirt - Red,1,,,25,,,tee,,
                14,variation,tee-blue,T-Shirt - Blue,0,,,25,,,tee,,
                12,simple,tee-premium,Premium T-Shirt,1,,,35,Clothing > Tshirts,,,,
                13,simple,belt,Belt,1,,55,65,Clothing > Accessories,,,,
                15,simple,cap,Cap,1,5,16,18,Clothing > Accessories,,,,
                16,simple,broken,Broken,1,,,lots,Clothing,,,,
                """);

        assertThat(report.getString("format")).isEqualTo("woocommerce-products-csv");
        assertThat(report.getLong("productsTaken")).isEqualTo(4);
        assertThat(report.getLong("productsSkipped")).isEqualTo(1);
        assertThat(report.getList("problems.reason", String.class)).anyMatch(r -> r.contains("'lots'"));
        JsonPath tee = shop.product("10");
        assertThat(tee.getString("product.title")).isEqualTo("T-Shirt");
        assertThat(tee.getString("product.type")).isEqualTo("Clothing > Tshirts");
        assertThat(tee.getList("product.variants.title")).containsExactly("Red", "Blue");
        assertThat(tee.getList("product.variants.inStock")).containsExactly(true, false);
        assertThat(tee.getList("sheet.complements.productId")).containsExactly("15", "13");
        assertThat(tee.getList("sheet.upgrades.productId")).containsExactly("10", "10", "12");
        assertThat(shop.product("13").getString("product.variants[0].price")).isEqualTo("55");
        assertThat(shop.product("13").getString("product.variants[0].compareAtPrice")).isEqualTo("65");
    }

    @Test
    void shouldReadTheWooCommerceSampleExport() throws IOException {
        Path sample = FORMATS.resolve("woocommerce-products-sample.csv");
        assumeTrue(Files.exists(sample), "skipped: " + sample.toAbsolutePath() + " is absent");
        Admin shop = Admin.register("woo-sample.example");

        JsonPath report = importCatalog(shop, Files.readString(sample));

        assertThat(report.getLong("productsTaken")).isGreaterThanOrEqualTo(14);
        JsonPath hoodie = shop.product("742");
        assertThat(hoodie.getList("product.variants.id")).containsExactly("758", "759", "760", "894", "895", "897");
        assertThat(hoodie.getString("product.variants[0].price")).isEqualTo("42");
        // A variation's "Attribute N name" / "Attribute N value(s)" columns are its options.
        assertThat(hoodie.getMap("product.variants.find { it.id == '894' }.options"))
                .containsExactly(Map.entry("Color", "Red"), Map.entry("Logo", "Yes"));
    }

    @Test
    void shouldReadShopifyProductExportsInTheLegacyLayoutWithVariantsByHandle() throws IOException {
        Path sample = FORMATS.resolve("shopify-products-legacy-sample.csv");
        assumeTrue(Files.exists(sample), "skipped: " + sample.toAbsolutePath() + " is absent");
        Admin shop = Admin.register("shopify-legacy.example");

        JsonPath report = importCatalog(shop, Files.readString(sample));

        assertThat(report.getString("format")).isEqualTo("shopify-products-csv");
        assertThat(report.getLong("productsTaken")).isEqualTo(3);
        JsonPath shirt = shop.product("example-shirt");
        assertThat(shirt.getString("product.title")).isEqualTo("Example T-Shirt");
        assertThat(shirt.getString("product.type")).isEqualTo("Shirts");
        assertThat(shirt.getList("product.variants")).hasSize(12);
        assertThat(shirt.getString("product.variants[0].id")).isEqualTo("SRT_COT_111");
        assertThat(shirt.getString("product.variants[0].title")).isEqualTo("Green / S");
        // Option names stand on a product's first row only; every row's values are named by them.
        assertThat(shirt.getMap("product.variants[0].options"))
                .containsExactly(Map.entry("Color", "Green"), Map.entry("Size", "S"));
        assertThat(shirt.getMap("product.variants[4].options"))
                .containsExactly(Map.entry("Color", "Blue"), Map.entry("Size", "M"));
    }

    @Test
    void shouldReadShopifyProductExportsInTheCurrentLayout() {
        Admin shop = Admin.register("shopify-current.example");

        JsonPath report = importCatalog(shop, """
                Title,URL handle,Type,SKU,Option1 name,Option1 value,Price,Compare-at price,Inventory quantity,Continue selling when out of stock,Product image URL
                Trail Bike 500,trail-bike-500,Bikes,B500-M,Size,M,799.00,,3,DENY,https://img/b500.jpg
                ,trail-bike-500,,B500-L,Size,L,799.00,,0,DENY,
                Trail Bike 700,trail-bike-700,Bikes,B700-M,Size,M,949.00,999.00,2,DENY,https://img/b700.jpg
                """);

        assertThat(report.getLong("productsTaken")).isEqualTo(2);
        JsonPath bike = shop.product("trail-bike-500");
        assertThat(bike.getList("product.variants.inStock")).containsExactly(true, false);
        assertThat(bike.getList("product.variants.options.Size")).containsExactly("M", "L");
        assertThat(bike.getList("sheet.upgrades.productId")).contains("trail-bike-700");
    }

    /**
     * Shopify's product CSV template (help centre; {@code ../shared/data/formats/shopify-product-template.csv}):
     * its shirts have an empty {@code Variant Inventory Tracker} and quantity 0 — untracked, so always for
     * sale; the jeans are {@code draft} and unpublished, the beanie {@code archived}: neither is for sale.
     */
    @Test
    void shouldReadStockAndStatusFromShopifysProductTemplateAsShopifyDoes() throws IOException {
        Path template = FORMATS.resolve("shopify-product-template.csv");
        assumeTrue(Files.exists(template), "skipped: " + template.toAbsolutePath() + " is absent");
        Admin shop = Admin.register("shopify-template.example");

        importCatalog(shop, Files.readString(template));

        assertThat(shop.product("example-shirt").getList("product.variants.inStock", Boolean.class)).hasSize(12)
                .containsOnly(true);
        assertThat(shop.product("example-pants").getList("product.variants.inStock", Boolean.class)).containsOnly(false);
        assertThat(shop.product("example-hat").getList("product.variants.inStock", Boolean.class)).containsOnly(false);
    }

    @Test
    void shouldCountOnlyTrackedVariantsOutOfStockInTheCurrentShopifyLayout() {
        Admin shop = Admin.register("shopify-tracker.example");

        importCatalog(shop, """
                Title,URL handle,Type,SKU,Price,Inventory tracker,Inventory quantity,Continue selling when out of stock,Status,Published on online store
                Tracked Lamp,tracked-lamp,Lamps,L-1,40.00,shopify,0,DENY,active,TRUE
                Made To Order Lamp,made-to-order-lamp,Lamps,L-2,60.00,,0,DENY,active,TRUE
                Hidden Lamp,hidden-lamp,Lamps,L-3,50.00,,5,DENY,active,FALSE
                """);

        assertThat(shop.product("tracked-lamp").getList("product.variants.inStock", Boolean.class)).containsExactly(false);
        assertThat(shop.product("made-to-order-lamp").getList("product.variants.inStock", Boolean.class)).containsExactly(true);
        assertThat(shop.product("hidden-lamp").getList("product.variants.inStock", Boolean.class)).containsExactly(false);
    }

    private static JsonPath importCatalog(Admin shop, String body) {
        return given().header("Authorization", "Bearer " + shop.adminKey()).contentType("text/csv").body(body)
                .post("/admin/v1/shops/{shop}/catalog", shop.shop())
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }
}
