package dev.triad.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.triad.TriadConfig;
import dev.triad.redis.Keys;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Which sessions asked for offers, and in which group ({@code exposed} or {@code holdout}): the
 * denominators of conversion. The offer path only notes a session in memory; at most every
 * {@value #FLUSH_MILLIS} ms (on a timer, and on the next request: a Lambda frozen between requests
 * flushes when it thaws) scripts per shop record the new sessions — the session key, kept
 * {@link #SESSION_DAYS} days, so that the order webhook can find the session's group, and a count
 * per group and day. The offer path never waits for it: a fire-and-forget counter, as the design allows.
 *
 * <p>Three things keep it off the offer path's latency: a visitor noted in the last
 * {@link #REMEMBER_FOR} is not sent again (a session asks for offers on the product page, the cart
 * and at checkout; only its first ask is new); a flush goes out in scripts of at most
 * {@value #PER_SCRIPT} sessions, one after another, so that Redis, which runs a script start to
 * end, holds the offer path's MGETs for about a tenth of a millisecond at a time (a script costs
 * Redis some 6 µs per session); and flushes come often, so that each is small. Flushed once a
 * second, 2,000 offer requests/s brought some 500 sessions at once: eight scripts back to back held
 * Redis for 3 ms, and that second's slowest requests were all in those milliseconds.
 */
@Singleton
public class SessionTally {

    private static final Logger LOG = Logger.getLogger(SessionTally.class);

    static final long FLUSH_MILLIS = 100;
    static final int SESSION_DAYS = 7;
    static final int MAX_BUFFERED = 512;
    static final int PER_SCRIPT = 16;
    static final Duration REMEMBER_FOR = Duration.ofMinutes(10);
    /** Visitors remembered per generation: bounds the memory (a 2 MB array of fingerprints) on a busy instance. */
    static final int REMEMBERED = 100_000;

    /** KEYS[1] the day's stats hash, KEYS[2..] session keys; ARGV groups, then session and stats expiry. */
    static final String SCRIPT = """
            local n = #KEYS - 1
            for i = 2, #KEYS do
              if redis.call('SET', KEYS[i], ARGV[i - 1], 'NX', 'EX', ARGV[n + 1]) then
                redis.call('HINCRBY', KEYS[1], 'sessions.' .. ARGV[i - 1], 1)
              end
            end
            redis.call('EXPIRE', KEYS[1], ARGV[n + 2])
            return n
            """;

    private final Redis redis;
    private final Clock clock;
    private final long statsSeconds;
    private final AtomicLong lastFlush = new AtomicLong();
    private final Map<String, Map<String, String>> buffer = new ConcurrentHashMap<>();
    private final RecentVisitors recent;

    private final Vertx vertx;
    private final long timer;

    public SessionTally(Redis redis, TriadConfig config, Vertx vertx) {
        this.redis = redis;
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(FLUSH_MILLIS, id -> flushIfDue());
        this.clock = Clock.systemUTC();
        this.recent = new RecentVisitors(clock, REMEMBER_FOR.toMillis(), REMEMBERED);
        this.statsSeconds = config.events().statsKeptFor().toSeconds();
        this.lastFlush.set(clock.millis());
    }

    /** Notes that {@code visitor} (a hashed session or customer id) asked {@code shop} for offers; never fails. */
    public void record(String shop, String visitor, boolean holdout) {
        try {
            note(shop, visitor, holdout);
        } catch (RuntimeException e) {
            LOG.debugf("Session of %s not noted: %s", shop, e.toString());
        }
    }

    private void note(String shop, String visitor, boolean holdout) {
        if (!recent.firstSeen(shop, visitor)) {
            return;
        }
        Map<String, String> sessions = buffer.computeIfAbsent(shop, s -> new ConcurrentHashMap<>());
        sessions.put(visitor, holdout ? "holdout" : "exposed");
        if (sessions.size() >= MAX_BUFFERED) {
            lastFlush.set(clock.millis());
            flush();
        } else {
            flushIfDue();
        }
    }

    /** Flushes when the last flush, by the timer or by a request, is {@value #FLUSH_MILLIS} ms old: one flush per period. */
    private void flushIfDue() {
        long now = clock.millis();
        long last = lastFlush.get();
        if (now - last >= FLUSH_MILLIS && lastFlush.compareAndSet(last, now)) {
            flush();
        }
    }

    /** Writes what is buffered, without waiting for Redis; a session noted meanwhile waits for the next flush. */
    public void flush() {
        String day = Keys.day(clock.instant());
        buffer.forEach((shop, sessions) -> {
            Map<String, String> taken = new HashMap<>();
            sessions.forEach((visitor, group) -> {
                if (sessions.remove(visitor, group)) {
                    taken.put(visitor, group);
                }
            });
            if (!taken.isEmpty()) {
                send(shop, day, taken);
            }
        });
    }

    /** One script after another, so that offer reads run between them rather than behind all of them. */
    private void send(String shop, String day, Map<String, String> sessions) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(sessions.entrySet());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < entries.size(); from += PER_SCRIPT) {
            Request eval = script(shop, day, entries.subList(from, Math.min(entries.size(), from + PER_SCRIPT)));
            chain = chain.chain(() -> redis.send(eval)).replaceWithVoid();
        }
        chain.subscribe().with(done -> {
        }, failure -> LOG.debugf("Session tally of %s not written: %s", shop, failure.toString()));
    }

    private Request script(String shop, String day, List<Map.Entry<String, String>> sessions) {
        Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(1 + sessions.size()).arg(Keys.stats(shop, day));
        sessions.forEach(e -> eval.arg(Keys.session(shop, e.getKey())));
        sessions.forEach(e -> eval.arg(e.getValue()));
        return eval.arg(Duration.ofDays(SESSION_DAYS).toSeconds()).arg(statsSeconds);
    }

    @PreDestroy
    void close() {
        vertx.cancelTimer(timer);
        flush();
    }
}
