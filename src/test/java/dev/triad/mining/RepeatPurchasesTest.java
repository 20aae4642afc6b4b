package dev.triad.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.triad.sheet.Candidate;

class RepeatPurchasesTest {

    @Test
    void shouldLearnThatCoffeeIsBoughtAgainEveryTwoWeeksAndAHelmetOnce() {
        RepeatPurchases repeats = new RepeatPurchases();
        int order = 0;
        for (int customer = 0; customer < 10; customer++) {
            repeats.add(new Basket("o" + order++, List.of("helmet", "coffee"), "c" + customer, 100));
            if (customer % 2 == 0) {
                repeats.add(new Basket("o" + order++, List.of("coffee"), "c" + customer, 114));
                repeats.add(new Basket("o" + order++, List.of("coffee"), "c" + customer, 128));
            }
        }

        assertThat(repeats.intervals()).containsEntry("coffee", 14).containsEntry("helmet", Candidate.DURABLE);
    }

    @Test
    void shouldLearnNothingFromOrdersWithoutACustomerOrADayOrFromTooFewBuyers() {
        RepeatPurchases repeats = new RepeatPurchases();
        for (int i = 0; i < 10; i++) {
            repeats.add(new Basket("a" + i, List.of("tea"), null, 100 + i));
            repeats.add(new Basket("b" + i, List.of("tea"), "c1", Basket.NO_DAY));
        }
        repeats.add(new Basket("x", List.of("rare"), "c1", 100));
        repeats.add(new Basket("y", List.of("rare"), "c1", 110));

        assertThat(repeats.intervals()).isEmpty();
    }

    @Test
    void shouldKeepAnOrdersCustomerAndDayInTheOrderLogAndReadOldEntriesWithout() {
        Basket dated = new Basket("o1", List.of("p1", "p2"), "abc_-", 20_000);

        assertThat(Basket.decode("o1", dated.encode())).isEqualTo(dated);
        assertThat(Basket.decode("o2", "p1 p2")).isEqualTo(new Basket("o2", List.of("p1", "p2")));
    }
}
