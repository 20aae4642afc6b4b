package dev.triad.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class OfferSheetTest {

    static final OfferSheet BIKE = new OfferSheet("p-bike", List.of("p-helmet", "p-bottle", "p-lock"),
            List.of("p-bike-2"),
            List.of(candidate("p-helmet", "49.00", true), candidate("p-lock", "25.00", true),
                    mined("p-light", 0.7, 12)),
            List.of(candidate("p-bike", "899.00", false), candidate("p-bike-2", "949.00", true)));

    @Test
    void shouldNameEveryOtherProductItMentionsIncludingPinsNotYetKnown() {
        assertThat(BIKE.namedProducts()).containsExactlyInAnyOrder("p-helmet", "p-bottle", "p-lock", "p-light",
                "p-bike-2");
    }

    @Test
    void shouldReplaceAChangedProductInPlaceKeepingItsEvidence() {
        OfferSheet patched = BIKE.patched("p-light", prev -> new Candidate("p-light", "v", "Light", money("17.00"),
                null, null, true, prev.pinned(), prev.score(), prev.pairCount(), null, null));

        Candidate light = patched.complements().get(2);
        assertThat(light.price()).isEqualTo(money("17.00"));
        assertThat(light.score()).isEqualTo(0.7);
        assertThat(light.pairCount()).isEqualTo(12);
    }

    @Test
    void shouldSlotAPinnedProductThatArrivesLaterIntoItsPinnedPlace() {
        OfferSheet patched = BIKE.patched("p-bottle", prev -> candidate("p-bottle", "9.00", true));

        assertThat(patched.complements()).extracting(Candidate::productId)
                .containsExactly("p-helmet", "p-bottle", "p-lock", "p-light");
    }

    @Test
    void shouldKeepTheProductsOwnVariantsFirstOnItsLadder() {
        OfferSheet ladder = new OfferSheet("p-bike", List.of(), List.of("p-bike-2"), List.of(),
                List.of(candidate("p-bike", "899.00", false)));

        OfferSheet patched = ladder.patched("p-bike-2", prev -> candidate("p-bike-2", "949.00", true));

        assertThat(patched.upgrades()).extracting(Candidate::productId).containsExactly("p-bike", "p-bike-2");
    }

    @Test
    void shouldDropAProductThatCanNoLongerBeOffered() {
        assertThat(BIKE.patched("p-lock", prev -> null).complements()).extracting(Candidate::productId)
                .containsExactly("p-helmet", "p-light");
        assertThat(BIKE.without("p-bike-2").upgrades()).extracting(Candidate::productId).containsExactly("p-bike");
    }

    @Test
    void shouldNotAddAProductItNeverNamed() {
        assertThat(BIKE.patched("p-stranger", prev -> candidate("p-stranger", "1.00", true))).isEqualTo(BIKE);
    }

    static Candidate candidate(String id, String price, boolean pinned) {
        return new Candidate(id, "v-" + id, id, money(price), null, null, true, pinned, 0, 0, null, null);
    }

    static Candidate mined(String id, double score, int pairs) {
        return new Candidate(id, "v-" + id, id, money("19.00"), null, null, true, false, score, pairs, null, null);
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
