package dev.triad.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DismissalsTest {

    @Test
    void shouldKeepOnlyDismissalsThatHaveNotExpired() {
        assertThat(Dismissals.live("p-1 1000 p-2 2000 p-3 3000", 2000)).containsExactly("p-3");
        assertThat(Dismissals.live("p-1 1000 p-2 2000 p-3 3000", 999)).containsExactlyInAnyOrder("p-1", "p-2", "p-3");
    }

    @Test
    void shouldReadNothingFromNothingOrGarbage() {
        assertThat(Dismissals.live(null, 0)).isEmpty();
        assertThat(Dismissals.live("", 0)).isEmpty();
        assertThat(Dismissals.live("p-1", 0)).isEmpty();
        assertThat(Dismissals.live("p-1 soon p-2 50", 10)).containsExactly("p-2");
    }
}
