package dev.triad.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SheetMinerTest {

    @Test
    void shouldLookAtThePartnersWithTheMostSharedOrdersFirstTiesByIdAndNoOneOffPairs() {
        Random random = new Random(3);
        Map<String, Integer> partners = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            partners.put("p" + i, 1 + random.nextInt(40));
        }

        List<String> ranked = SheetMiner.rankedPartners(new PairRow(partners));

        List<String> expected = partners.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(SheetMiner.PARTNERS_CONSIDERED)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(ranked).hasSize(SheetMiner.PARTNERS_CONSIDERED).isEqualTo(expected);
        assertThat(SheetMiner.rankedPartners(new PairRow(Map.of("p-once", 1, "p-twice", 2, "p-often", 9))))
                .containsExactly("p-often", "p-twice");
    }
}
