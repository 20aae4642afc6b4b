package dev.triad.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class RecentVisitorsTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    final HandClock clock = new HandClock();
    final RecentVisitors recent = new RecentVisitors(clock, 600_000, 1000);

    @Test
    void shouldCountAVisitorAsNewOnlyTheFirstTimeWithinAPeriod() {
        assertThat(recent.firstSeen("a.example", "s1")).isTrue();
        clock.millis += 599_000;
        assertThat(recent.firstSeen("a.example", "s1")).isFalse();
    }

    @Test
    void shouldStillKnowAVisitorInTheNextPeriodAndForgetItAfterTwo() {
        recent.firstSeen("a.example", "s1");
        clock.millis += 700_000;
        assertThat(recent.firstSeen("a.example", "s2")).as("starts a new period").isTrue();
        assertThat(recent.firstSeen("a.example", "s1")).as("remembered from the previous period").isFalse();
        clock.millis += 700_000;
        recent.firstSeen("a.example", "s3");
        clock.millis += 700_000;
        assertThat(recent.firstSeen("a.example", "s2")).as("two periods later").isTrue();
    }

    @Test
    void shouldKeepTheSameVisitorOfTwoShopsApart() {
        assertThat(recent.firstSeen("a.example", "s1")).isTrue();
        assertThat(recent.firstSeen("b.example", "s1")).isTrue();
    }

    @Test
    void shouldBoundItsMemoryByStartingANewGenerationWhenFull() {
        for (int i = 0; i < 3000; i++) {
            recent.firstSeen("a.example", "s" + i);
        }
        assertThat(recent.firstSeen("a.example", "s0")).as("two generations ago: forgotten").isTrue();
        assertThat(recent.firstSeen("a.example", "s2999")).as("this generation: known").isFalse();
    }

    @Test
    void shouldCountEachVisitorNewExactlyOnceWhenSeveralThreadsSeeThemAtOnce() throws Exception {
        RecentVisitors big = new RecentVisitors(clock, 600_000, 100_000);
        int threads = 4;
        int visitors = 50_000;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> askers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                askers.add(() -> { // every thread the same visitors in the same order, started together: they race for each
                    start.await();
                    int news = 0;
                    for (int i = 0; i < visitors; i++) {
                        news += big.firstSeen("a.example", "s" + i) ? 1 : 0;
                    }
                    return news;
                });
            }
            int news = 0;
            for (Future<Integer> asked : pool.invokeAll(askers)) {
                news += asked.get();
            }
            assertThat(news).as("every visitor new once, whichever thread saw it first").isEqualTo(visitors);
        } finally {
            pool.shutdownNow();
        }
    }
}
