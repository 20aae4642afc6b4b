package dev.triad.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.triad.events.PurchaseHistory.Bought;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;
import dev.triad.shop.ShopSettings;

/** What a customer bought shapes their offers: owned durables are left out, repeat purchases come back when due. */
class CustomerHistoryTest {

    static final long TODAY = 20_400;
    static final CartLine BIKE = new CartLine("p-bike", "v-bike", 1, new BigDecimal("799.00"));

    final Map<String, OfferSheet> sheets = Map.of("p-bike", new OfferSheet("p-bike", List.of(), List.of(), List.of(
            complement("p-helmet", "49.00", 0.9, Candidate.DURABLE), complement("p-lock", "25.00", 0.8, Candidate.DURABLE),
            complement("p-light", "19.00", 0.7, 0), complement("p-chain-oil", "8.00", 0.2, 21)), List.of()));

    @Test
    void shouldNeverOfferADurableTheCustomerBoughtWithinTheWindow() {
        Selection selection = select(Map.of("p-helmet", new Bought(TODAY - 30, TODAY - 30, 1)), ShopSettings.DEFAULTS);

        assertThat(RuleOfThreeTest.productIds(selection)).doesNotContain("p-helmet").contains("p-lock");
    }

    @Test
    void shouldOfferAProductTooFewCustomersBoughtToTellEvenToOneWhoBoughtIt() {
        Selection selection = select(Map.of("p-light", new Bought(TODAY - 5, TODAY - 5, 1)), ShopSettings.DEFAULTS);

        assertThat(RuleOfThreeTest.productIds(selection)).contains("p-light");
    }

    @Test
    void shouldOfferADurableAgainOnceTheWindowHasPassedOrWhenTheShopTurnedTheWindowOff() {
        assertThat(RuleOfThreeTest.productIds(select(Map.of("p-helmet", new Bought(TODAY - 400, TODAY - 400, 1)),
                ShopSettings.DEFAULTS))).contains("p-helmet");
        ShopSettings noWindow = new ShopSettings(60, 10, null, 0, List.of(), List.of(), List.of(), 0, 0, 10);
        assertThat(RuleOfThreeTest.productIds(select(Map.of("p-helmet", new Bought(TODAY - 3, TODAY - 3, 1)), noWindow)))
                .contains("p-helmet");
    }

    @Test
    void shouldBringBackWhatTheCustomerBuysEveryTwoWeeksOnceTheyAreDue() {
        Selection selection = select(Map.of("p-chain-oil", new Bought(TODAY - 70, TODAY - 13, 5)), ShopSettings.DEFAULTS);

        Offer.AddOn addOn = (Offer.AddOn) selection.offers().stream().filter(o -> o instanceof Offer.AddOn).findFirst()
                .orElseThrow();
        assertThat(addOn.item().productId()).isEqualTo("p-chain-oil");
        assertThat(addOn.everyDays()).as("their own interval: 57 days over 4 gaps").isEqualTo(14);
        assertThat(selection.offers()).hasSizeLessThanOrEqualTo(3);
        assertThat(RuleOfThreeTest.productIds(selection)).containsOnlyOnce("p-chain-oil");
    }

    @Test
    void shouldNotRemindACustomerWhoBoughtItRecently() {
        Selection selection = select(Map.of("p-chain-oil", new Bought(TODAY - 70, TODAY - 3, 5)), ShopSettings.DEFAULTS);

        assertThat(selection.offers()).noneMatch(o -> o instanceof Offer.AddOn a && a.everyDays() > 0);
        assertThat(RuleOfThreeTest.productIds(selection)).contains("p-helmet").doesNotContain("p-chain-oil");
    }

    @Test
    void shouldNotRemindOfSomethingTheCustomerBoughtOnceOrStoppedBuying() {
        Selection once = select(Map.of("p-chain-oil", new Bought(TODAY - 20, TODAY - 20, 1)), ShopSettings.DEFAULTS);
        Selection lapsed = select(Map.of("p-chain-oil", new Bought(TODAY - 200, TODAY - 140, 5)), ShopSettings.DEFAULTS);

        assertThat(once.offers()).noneMatch(o -> o instanceof Offer.AddOn a && a.everyDays() > 0);
        assertThat(lapsed.offers()).as("bought every 15 days, last 140 days ago")
                .noneMatch(o -> o instanceof Offer.AddOn a && a.everyDays() > 0);
    }

    @Test
    void shouldNeverRemindOfSomethingInTheCart() {
        Selection selection = new RuleOfThree(ShopSettings.DEFAULTS, 2).select(
                new Cart(List.of(BIKE, new CartLine("p-chain-oil", "v-p-chain-oil", 1, new BigDecimal("8.00")))), sheets,
                Set.of(), Map.of("p-chain-oil", new Bought(TODAY - 70, TODAY - 13, 5)), TODAY);

        assertThat(RuleOfThreeTest.productIds(selection)).doesNotContain("p-chain-oil");
    }

    private Selection select(Map<String, Bought> bought, ShopSettings settings) {
        return new RuleOfThree(settings, 2).select(new Cart(List.of(BIKE)), sheets, Set.of(), bought, TODAY);
    }

    private static Candidate complement(String id, String price, double score, int repeatDays) {
        return new Candidate(id, "v-" + id, id, new BigDecimal(price), null, null, true, false, score, 10, null, null,
                null, repeatDays);
    }
}
