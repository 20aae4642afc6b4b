package dev.triad.problem;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * A warning that an outage repeats thousands of times a second, written at most once per interval
 * with the number of times it happened since the last line.
 */
public final class ThrottledLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong last;
    private final AtomicLong suppressed = new AtomicLong();

    public ThrottledLog(Logger log, long intervalSeconds) {
        this.log = log;
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
        this.last = new AtomicLong(System.nanoTime() - intervalNanos - 1);
    }

    /** Logs {@code format} with {@code arguments} unless a line was logged within the interval. */
    public void warn(String format, Object... arguments) {
        long now = System.nanoTime();
        long previous = last.get();
        if (now - previous > intervalNanos && last.compareAndSet(previous, now)) {
            long more = suppressed.getAndSet(0);
            String line = String.format(format, arguments);
            log.warn(more > 0 ? line + " (and " + more + " more since the last such line)" : line);
        } else {
            suppressed.incrementAndGet();
        }
    }
}
