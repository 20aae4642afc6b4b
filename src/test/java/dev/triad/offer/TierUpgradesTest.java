package dev.triad.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.triad.catalog.OptionKinds;
import dev.triad.catalog.ProductFacts;
import dev.triad.catalog.SheetBuilder;
import dev.triad.catalog.ShopRules;
import dev.triad.sheet.OfferSheet;
import dev.triad.shop.ShopSettings;

/**
 * A pricier variant is an upgrade only when it differs from the cart line in a tier option (storage,
 * edition, pack) and keeps every other one (size, colour): sheets are built here the way the catalog
 * and the miner build them, then read by the rule of three.
 */
class TierUpgradesTest {

    final Map<String, OfferSheet> sheets = new HashMap<>();

    @Test
    void shouldNeverUpgradeASizePricedShirtToALargerSize() {
        ProductFacts shirt = product("p-shirt", "shirts",
                variant("v-m", "25.00", "Size", "M", "Color", "Navy"),
                variant("v-xl", "27.00", "Size", "XL", "Color", "Navy"),
                variant("v-xxl", "29.00", "Size", "XXL", "Color", "Navy"));
        build(shirt, List.of(), OptionKinds.DEFAULT);

        Selection selection = select(line("p-shirt", "v-m", "25.00"));

        assertThat(selection.offers()).noneMatch(o -> o instanceof Offer.Upgrade);
    }

    @Test
    void shouldUpgradeAPhonesStorageInTheSameColour() {
        ProductFacts phone = product("p-phone", "phones",
                variant("v-128-black", "799.00", "Storage", "128 GB", "Colour", "Black"),
                variant("v-128-blue", "799.00", "Storage", "128 GB", "Colour", "Blue"),
                variant("v-256-blue", "899.00", "Storage", "256 GB", "Colour", "Blue"),
                variant("v-256-black", "899.00", "Storage", "256 GB", "Colour", "Black"),
                variant("v-512-blue", "1099.00", "Storage", "512 GB", "Colour", "Blue"));
        build(phone, List.of(), OptionKinds.DEFAULT);

        Offer.Upgrade upgrade = upgradeOf(select(line("p-phone", "v-128-black", "799.00")));

        assertThat(upgrade.item().variantId()).isEqualTo("v-256-black");
        assertThat(upgrade.extra()).isEqualByComparingTo("100.00");
    }

    @Test
    void shouldUpgradeABikeInSizeMToTheNextModelInSizeM() {
        ProductFacts trail500 = product("p-trail-500", "bikes",
                variant("v500-m", "800.00", "Frame size", "M"),
                variant("v500-l", "850.00", "Frame size", "L"));
        ProductFacts trail700 = product("p-trail-700", "bikes",
                variant("v700-s", "990.00", "Frame size", "S"),
                variant("v700-m", "1000.00", "Frame size", "M"),
                variant("v700-l", "1050.00", "Frame size", "L"));
        build(trail500, List.of(trail700), OptionKinds.DEFAULT);

        Offer.Upgrade upgrade = upgradeOf(select(line("p-trail-500", "v500-m", "800.00")));

        assertThat(upgrade.item().productId()).isEqualTo("p-trail-700");
        assertThat(upgrade.item().variantId()).isEqualTo("v700-m");
        assertThat(upgrade.item().title()).isEqualTo("p-trail-700 – M");
    }

    @Test
    void shouldPassOverANextModelThatIsNotSoldInTheShoppersSize() {
        ProductFacts trail500 = product("p-trail-500", "bikes", variant("v500-m", "800.00", "Size", "M"),
                variant("v500-l", "820.00", "Size", "L"));
        ProductFacts trail700 = product("p-trail-700", "bikes", variant("v700-s", "990.00", "Size", "S"),
                outOfStock(variant("v700-m", "1000.00", "Size", "M")));
        ProductFacts trail900 = product("p-trail-900", "bikes", variant("v900-m", "1150.00", "Size", "M"));
        build(trail500, List.of(trail700, trail900), OptionKinds.DEFAULT);

        Offer.Upgrade upgrade = upgradeOf(select(line("p-trail-500", "v500-m", "800.00")));

        assertThat(upgrade.item().variantId()).isEqualTo("v900-m");
    }

    @Test
    void shouldLetAShopMakeSizeATierOption() {
        ProductFacts pizza = product("p-pizza", "pizza", variant("v-small", "9.00", "Size", "Small"),
                variant("v-large", "13.00", "Size", "Large"));
        OptionKinds pizzeria = OptionKinds.of(new ShopSettings(60, 10, null, 0, List.of("size"), List.of()));
        build(pizza, List.of(), pizzeria);

        Offer.Upgrade upgrade = upgradeOf(select(line("p-pizza", "v-small", "9.00")));

        assertThat(upgrade.item().variantId()).isEqualTo("v-large");
    }

    @Test
    void shouldLetAShopKeepAnOptionTheDefaultReadsAsATier() {
        ProductFacts tea = product("p-tea", "tea", variant("v-green", "6.00", "Blend", "Green"),
                variant("v-oolong", "8.00", "Blend", "Oolong"));
        OptionKinds teaShop = OptionKinds.of(List.of(), List.of("Blend"));
        build(tea, List.of(), teaShop);

        assertThat(select(line("p-tea", "v-green", "6.00")).offers()).isEmpty();

        build(tea, List.of(), OptionKinds.DEFAULT);
        assertThat(upgradeOf(select(line("p-tea", "v-green", "6.00"))).item().variantId())
                .as("without the shop's word, Blend is a tier").isEqualTo("v-oolong");
    }

    @Test
    void shouldKeepUpgradingVariantsOfProductsThatNameNoOptions() {
        ProductFacts kettle = product("p-kettle", "kettles", variant("v-basic", "40.00"), variant("v-steel", "55.00"));
        build(kettle, List.of(), OptionKinds.DEFAULT);

        assertThat(upgradeOf(select(line("p-kettle", "v-basic", "40.00"))).item().variantId())
                .isEqualTo("v-steel");
    }

    @Test
    void shouldReadSizeLikeOptionNamesInTheSixLanguagesAndPacksAsTiers() {
        OptionKinds kinds = OptionKinds.DEFAULT;
        assertThat(List.of("Size", "Colour", "Color", "Frame size", "Shoe width", "Größe", "Rahmengröße", "Farbe",
                "Taille", "Couleur", "Pointure", "Talla", "Tamaño", "Rozmiar", "Kolor", "Maat", "Kleur", "Framemaat"))
                .allSatisfy(name -> assertThat(kinds.isTier(name)).as(name).isFalse());
        assertThat(List.of("Storage", "Edition", "Pack size", "Packungsgröße", "Capacity", "Speicher", "Model",
                "Plan", "Capacidad", "Pojemność"))
                .allSatisfy(name -> assertThat(kinds.isTier(name)).as(name).isTrue());
    }

    private void build(ProductFacts product, List<ProductFacts> betterModels, OptionKinds kinds) {
        List<dev.triad.sheet.Candidate> upgrades = betterModels.stream()
                .flatMap(p -> p.asUpgrades(kinds, null, false).stream()).toList();
        sheets.put(product.id(), SheetBuilder.build(product, List.of(), List.of(), List.of(), upgrades, new ShopRules(kinds, List.of())));
    }

    private Selection select(CartLine line) {
        return new RuleOfThree(ShopSettings.DEFAULTS, 2).select(new Cart(List.of(line)), sheets, Set.of());
    }

    private static Offer.Upgrade upgradeOf(Selection selection) {
        return selection.offers().stream().filter(o -> o instanceof Offer.Upgrade).map(o -> (Offer.Upgrade) o)
                .findFirst().orElseThrow(() -> new AssertionError("no upgrade in " + selection.offers()));
    }

    private static CartLine line(String productId, String variantId, String price) {
        return new CartLine(productId, variantId, 1, new BigDecimal(price));
    }

    private static ProductFacts product(String id, String type, ProductFacts.Variant... variants) {
        return new ProductFacts(id, id, type, null, null, null, null, List.of(variants), List.of(), List.of());
    }

    private static ProductFacts.Variant variant(String id, String price, String... options) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            named.put(options[i], options[i + 1]);
        }
        return new ProductFacts.Variant(id, String.join(" / ", named.values()), new BigDecimal(price), null, true, named);
    }

    private static ProductFacts.Variant outOfStock(ProductFacts.Variant v) {
        return v.withInStock(false);
    }
}
