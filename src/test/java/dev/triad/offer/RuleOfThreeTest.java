package dev.triad.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;
import dev.triad.shop.ShopSettings;

class RuleOfThreeTest {

    static final ShopSettings SETTINGS = new ShopSettings(60, 10, null, 0);
    static final CartLine BIKE = new CartLine("p-bike", "v-bike-m", 1, new BigDecimal("799.00"));

    final Map<String, OfferSheet> sheets = new HashMap<>();

    @Test
    void shouldOfferAtMostThreeOffersEvenWithManyCandidates() {
        List<Candidate> many = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            many.add(mined("p-c" + i, "1" + i + ".00", 10 - i * 0.1, 5));
        }
        sheet("p-bike", many, List.of(upgrade("p-bike-2", "949.00")));

        assertThat(select(BIKE).offers()).hasSize(3);
    }

    @Test
    void shouldOrderTiersByAscendingExtraSpend() {
        sheet("p-bike", List.of(pinned("p-helmet", "49.00"), pinned("p-lock", "25.00")),
                List.of(upgrade("p-bike-2", "849.00")));

        Selection s = select(BIKE);

        assertThat(s.offers()).extracting(Offer::extra)
                .containsExactly(money("49.00"), money("50.00"), money("66.60"));
        assertThat(s.offers()).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("AddOn", "Upgrade", "Bundle");
    }

    @Test
    void shouldRecommendExactlyTheMiddleOfThreeOffers() {
        sheet("p-bike", List.of(pinned("p-helmet", "49.00"), pinned("p-lock", "25.00")),
                List.of(upgrade("p-bike-2", "949.00")));

        assertThat(select(BIKE).recommended()).isEqualTo(1);
    }

    @Test
    void shouldRecommendTheSecondOfTwoOffersAndNoneOfOne() {
        sheet("p-bike", List.of(pinned("p-helmet", "49.00")), List.of(upgrade("p-bike-2", "949.00")));
        Selection two = select(BIKE);
        assertThat(two.offers()).hasSize(2);
        assertThat(two.recommended()).isEqualTo(1);

        sheet("p-bike", List.of(pinned("p-helmet", "49.00")), List.of());
        Selection one = select(BIKE);
        assertThat(one.offers()).hasSize(1);
        assertThat(one.recommended()).isEqualTo(-1);
    }

    @Test
    void shouldNeverOfferAProductAlreadyInTheCart() {
        sheet("p-bike", List.of(pinned("p-helmet", "49.00"), pinned("p-lock", "25.00")), List.of());
        CartLine helmet = new CartLine("p-helmet", "v-other-size", 1, new BigDecimal("49.00"));

        assertThat(productIds(select(BIKE, helmet))).doesNotContain("p-helmet");
    }

    @Test
    void shouldNeverOfferAVariantAlreadyInTheCart() {
        sheet("p-bike", List.of(), List.of(variant("p-bike", "v-bike-m", "799.00"),
                variant("p-bike", "v-bike-carbon", "899.00")));
        CartLine carbon = new CartLine("p-bike", "v-bike-carbon", 1, new BigDecimal("899.00"));

        assertThat(select(BIKE, carbon).offers()).isEmpty();
    }

    @Test
    void shouldNeverOfferAnythingOutOfStockOrPricedZero() {
        Candidate soldOut = new Candidate("p-bell", "v-bell", "Bell", money("5.00"), null, null, false, true, 0, 0,
                null, null);
        sheet("p-bike", List.of(soldOut, pinned("p-free", "0.00"), pinned("p-lock", "25.00")), List.of());

        assertThat(productIds(select(BIKE))).containsExactly("p-lock");
    }

    @Test
    void shouldNeverOfferWhatThisShopperDismissed() {
        sheet("p-bike", List.of(pinned("p-helmet", "49.00"), pinned("p-lock", "25.00")), List.of());

        Selection s = new RuleOfThree(SETTINGS, 2).select(new Cart(List.of(BIKE)), sheets, Set.of("p-helmet"));

        assertThat(productIds(s)).containsExactly("p-lock");
    }

    @Test
    void shouldKeepUpgradesWithinTheShopsStepBand() {
        sheet("p-bike", List.of(), List.of(upgrade("p-bike-luxury", "1399.00"), upgrade("p-bike-2", "1278.40")));

        Selection s = select(BIKE);

        assertThat(productIds(s)).containsExactly("p-bike-2");
        Selection narrow = new RuleOfThree(new ShopSettings(20, 10, null, 0), 2)
                .select(new Cart(List.of(BIKE)), sheets, Set.of());
        assertThat(narrow.offers()).isEmpty();
    }

    @Test
    void shouldPriceAnUpgradeAsTheDifferenceForTheWholeLine() {
        sheet("p-bike", List.of(), List.of(upgrade("p-bike-2", "949.00")));
        CartLine twoBikes = new CartLine("p-bike", "v-bike-m", 2, new BigDecimal("799.00"));

        Offer.Upgrade upgrade = (Offer.Upgrade) select(twoBikes).offers().get(0);

        assertThat(upgrade.extra()).isEqualTo(money("300.00"));
        assertThat(upgrade.replaces()).isEqualTo(twoBikes);
    }

    @Test
    void shouldOfferAHigherPricedVariantOfTheSameProductAsAnUpgrade() {
        sheet("p-bike", List.of(), List.of(variant("p-bike", "v-bike-m", "799.00"),
                variant("p-bike", "v-bike-carbon", "899.00")));

        Offer.Upgrade upgrade = (Offer.Upgrade) select(BIKE).offers().get(0);

        assertThat(upgrade.item().variantId()).isEqualTo("v-bike-carbon");
        assertThat(upgrade.extra()).isEqualTo(money("100.00"));
    }

    /**
     * A product learnt from orders has one variant whose id is the product's; a cart line that names no
     * variant at a discounted price must not be "upgraded" to that same product at its list price.
     */
    @Test
    void shouldNeverUpgradeALineThatNamesNoVariantToItsOwnProduct() {
        sheet("p-mug", List.of(), List.of(variant("p-mug", "p-mug", "12.00"), upgrade("p-mug-large", "13.50")));
        CartLine mugOnSale = new CartLine("p-mug", null, 1, new BigDecimal("9.00"));

        Offer.Upgrade upgrade = (Offer.Upgrade) select(mugOnSale).offers().get(0);

        assertThat(upgrade.item().productId()).isEqualTo("p-mug-large");
    }

    @Test
    void shouldUpgradeTheMostExpensiveLineOfTheCart() {
        CartLine helmet = new CartLine("p-helmet", "v-helmet", 1, new BigDecimal("49.00"));
        sheet("p-helmet", List.of(), List.of(upgrade("p-helmet-pro", "79.00")));
        sheet("p-bike", List.of(), List.of(upgrade("p-bike-2", "949.00")));

        assertThat(productIds(select(helmet, BIKE))).containsExactly("p-bike-2");
    }

    @Test
    void shouldBundleTheTwoBestComplementsAtTheShopsDiscount() {
        sheet("p-bike", List.of(pinned("p-helmet", "49.00"), pinned("p-lock", "25.00"), pinned("p-light", "19.00")),
                List.of(upgrade("p-bike-2", "949.00")));

        Offer.Bundle bundle = bundleOf(select(BIKE));

        assertThat(bundle.items()).extracting(Candidate::productId).containsExactly("p-helmet", "p-lock");
        assertThat(bundle.price()).isEqualTo(money("74.00"));
        assertThat(bundle.extra()).isEqualTo(money("66.60"));
        assertThat(bundle.discountPercent()).isEqualTo(10);
    }

    @Test
    void shouldComputeMoneyExactlyAsDecimalsNeverAsBinaryFloatingPoint() {
        sheet("p-bike", List.of(pinned("p-a", "0.10"), pinned("p-b", "0.20")), List.of());
        // 0.1 + 0.2 in doubles is 0.30000000000000004; 90 % of 0.30 is exactly 0.27.
        Offer.Bundle bundle = bundleOf(select(BIKE));

        assertThat(bundle.price().toPlainString()).isEqualTo("0.30");
        assertThat(bundle.extra().toPlainString()).isEqualTo("0.27");
    }

    @Test
    void shouldRoundToTheDecimalsOfTheCartsCurrency() {
        sheet("p-bike", List.of(pinned("p-a", "1000"), pinned("p-b", "555")), List.of());
        CartLine yenBike = new CartLine("p-bike", "v", 1, new BigDecimal("120000"));

        Selection s = new RuleOfThree(SETTINGS, 0).select(new Cart(List.of(yenBike)), sheets, Set.of());

        assertThat(s.offers()).extracting(o -> o.extra().toPlainString()).containsExactly("1000", "1400");
    }

    @Test
    void shouldTellHowFarTheCartIsFromFreeShipping() {
        ShopSettings freeAt1000 = new ShopSettings(60, 10, new BigDecimal("1000.00"), 0);
        CartLine lights = new CartLine("p-light", "v-light", 3, new BigDecimal("19.99"));

        Selection s = new RuleOfThree(freeAt1000, 2).select(new Cart(List.of(BIKE, lights)), sheets, Set.of());

        assertThat(s.freeShippingThreshold()).isEqualTo(money("1000.00"));
        assertThat(s.freeShippingRemaining()).isEqualTo(money("141.03"));
        Selection reached = new RuleOfThree(new ShopSettings(60, 10, new BigDecimal("500.00"), 0), 2)
                .select(new Cart(List.of(BIKE)), sheets, Set.of());
        assertThat(reached.freeShippingRemaining()).isEqualTo(money("0.00"));
        assertThat(select(BIKE).freeShippingRemaining()).isNull();
    }

    @Test
    void shouldPreferAnAddOnThatClosesTheFreeShippingGap() {
        ShopSettings freeAt850 = new ShopSettings(60, 10, new BigDecimal("850.00"), 0);
        sheet("p-bike", List.of(pinned("p-bottle", "9.00"), pinned("p-lock", "55.00"), pinned("p-helmet", "79.00")),
                List.of());

        Offer first = new RuleOfThree(freeAt850, 2).select(new Cart(List.of(BIKE)), sheets, Set.of()).offers().get(0);

        assertThat(((Offer.AddOn) first).item().productId()).isEqualTo("p-lock");
    }

    @Test
    void shouldReturnFewerOffersRatherThanUnrelatedFiller() {
        sheet("p-bike", List.of(pinned("p-helmet", "49.00")), List.of());

        assertThat(select(BIKE).offers()).hasSize(1);
        assertThat(select(new CartLine("p-unknown", "v", 1, BigDecimal.TEN)).offers()).isEmpty();
    }

    @Test
    void shouldRankPinnedComplementsFirstThenByScoreSummedOverTheCart() {
        CartLine helmet = new CartLine("p-helmet", "v-helmet", 1, new BigDecimal("49.00"));
        sheet("p-bike", List.of(mined("p-lock", "25.00", 0.5, 40), mined("p-light", "19.00", 0.4, 30)), List.of());
        sheet("p-helmet", List.of(pinned("p-gloves", "22.00"), mined("p-light", "19.00", 0.3, 12)), List.of());

        Offer.Bundle bundle = bundleOf(select(BIKE, helmet));

        assertThat(bundle.items()).extracting(Candidate::productId).containsExactly("p-gloves", "p-light");
    }

    @Test
    void shouldOfferABetterAddOnAsThirdOptionWhenThereIsNoUpgrade() {
        sheet("p-bike", List.of(pinned("p-helmet", "49.00"), pinned("p-lock", "25.00"), pinned("p-light", "19.00")),
                List.of());

        Selection s = select(BIKE);

        assertThat(s.offers()).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("AddOn", "AddOn", "Bundle");
        assertThat(productIds(s)).containsExactly("p-light", "p-helmet", "p-helmet", "p-lock");
    }

    @Test
    void shouldGiveTheSameAnswerForTheSameInput() {
        sheet("p-bike", List.of(mined("p-a", "10.00", 0.5, 3), mined("p-b", "12.00", 0.5, 3),
                mined("p-c", "14.00", 0.5, 3)), List.of(upgrade("p-bike-2", "949.00")));

        assertThat(select(BIKE)).isEqualTo(select(BIKE));
    }

    private Selection select(CartLine... lines) {
        return new RuleOfThree(SETTINGS, 2).select(new Cart(List.of(lines)), sheets, Set.of());
    }

    private void sheet(String productId, List<Candidate> complements, List<Candidate> upgrades) {
        sheets.put(productId, new OfferSheet(productId, List.of(), List.of(), complements, upgrades));
    }

    static Offer.Bundle bundleOf(Selection s) {
        return (Offer.Bundle) s.offers().stream().filter(o -> o instanceof Offer.Bundle).findFirst().orElseThrow();
    }

    static List<String> productIds(Selection s) {
        List<String> ids = new ArrayList<>();
        for (Offer o : s.offers()) {
            if (o instanceof Offer.AddOn a) {
                ids.add(a.item().productId());
            } else if (o instanceof Offer.Upgrade u) {
                ids.add(u.item().productId());
            } else if (o instanceof Offer.Bundle b) {
                b.items().forEach(i -> ids.add(i.productId()));
            }
        }
        return ids;
    }

    static Candidate pinned(String id, String price) {
        return new Candidate(id, "v-" + id, id, money(price), null, null, true, true, 0, 0, null, null);
    }

    static Candidate mined(String id, String price, double score, int pairCount) {
        return new Candidate(id, "v-" + id, id, money(price), null, null, true, false, score, pairCount, null, null);
    }

    static Candidate upgrade(String id, String price) {
        return new Candidate(id, "v-" + id, id, money(price), null, null, true, true, 0, 0, null, null);
    }

    static Candidate variant(String productId, String variantId, String price) {
        return new Candidate(productId, variantId, productId, money(price), null, null, true, false, 0, 0, null, null);
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
