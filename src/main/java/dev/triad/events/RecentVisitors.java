package dev.triad.events;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Visitors seen lately, per shop, in two generations: a visitor counts as known while it is in
 * the current or the previous one, so it is remembered between one and two periods. A generation
 * ends after {@code periodMillis} or once it holds {@code capacity} visitors, whichever comes first:
 * memory stays bounded however busy the instance. Thread-safe; a race at a generation change can
 * only make a visitor look new once more, never lose one.
 */
final class RecentVisitors {

    private final Clock clock;
    private final long periodMillis;
    private final int capacity;

    private volatile Set<String> current = ConcurrentHashMap.newKeySet();
    private volatile Set<String> previous = Set.of();
    private volatile long started;

    RecentVisitors(Clock clock, long periodMillis, int capacity) {
        this.clock = clock;
        this.periodMillis = periodMillis;
        this.capacity = capacity;
        this.started = clock.millis();
    }

    /** True the first time {@code visitor} of {@code shop} is seen within the memory, false after. */
    boolean firstSeen(String shop, String visitor) {
        String id = shop + '/' + visitor;
        Set<String> now = generation();
        return !previous.contains(id) && now.add(id);
    }

    private Set<String> generation() {
        Set<String> now = current;
        long millis = clock.millis();
        if (millis - started >= periodMillis || now.size() >= capacity) {
            synchronized (this) {
                if (current == now) {
                    previous = now;
                    current = ConcurrentHashMap.newKeySet();
                    started = millis;
                }
                return current;
            }
        }
        return now;
    }
}
