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
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.triad.TriadConfig;
import dev.triad.stats.StatsService;
import dev.triad.store.Keys;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Which sessions asked for offers, and in which group ({@code exposed} or {@code holdout}): the
 * denominators of conversion. The offer path only notes a session in memory; at most every
 * {@value #FLUSH_MILLIS} ms (on a timer, and on the next request: a Lambda frozen between requests
 * flushes when it thaws) one script per shop records the new sessions — the session key, kept
 * {@link #SESSION_DAYS} days, so that the order webhook can find the session's group, and a count
 * per group and day. The offer path never waits for it: a fire-and-forget counter, as the design allows.
 */
@ApplicationScoped
public class SessionTally {

    private static final Logger LOG = Logger.getLogger(SessionTally.class);

    static final long FLUSH_MILLIS = 1000;
    static final int SESSION_DAYS = 7;
    static final int MAX_BUFFERED = 512;

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

    private final Vertx vertx;
    private final long timer;

    public SessionTally(Redis redis, TriadConfig config, Vertx vertx) {
        this.redis = redis;
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(FLUSH_MILLIS, id -> flush());
        this.clock = Clock.systemUTC();
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
        Map<String, String> sessions = buffer.computeIfAbsent(shop, s -> new ConcurrentHashMap<>());
        sessions.put(visitor, holdout ? "holdout" : "exposed");
        long now = clock.millis();
        long last = lastFlush.get();
        if ((now - last >= FLUSH_MILLIS || sessions.size() >= MAX_BUFFERED) && lastFlush.compareAndSet(last, now)) {
            flush();
        }
    }

    /** Writes what is buffered, without waiting for Redis; a session noted meanwhile waits for the next flush. */
    public void flush() {
        String day = StatsService.day(clock.instant());
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

    private void send(String shop, String day, Map<String, String> sessions) {
        List<String> groups = new ArrayList<>(sessions.size());
        Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(1 + sessions.size()).arg(Keys.stats(shop, day));
        sessions.forEach((visitor, group) -> {
            eval.arg(Keys.session(shop, visitor));
            groups.add(group);
        });
        groups.forEach(eval::arg);
        eval.arg(Duration.ofDays(SESSION_DAYS).toSeconds()).arg(statsSeconds);
        redis.send(eval).subscribe().with(done -> {
        }, failure -> LOG.debugf("Session tally of %s not written: %s", shop, failure.toString()));
    }

    @PreDestroy
    void close() {
        vertx.cancelTimer(timer);
        flush();
    }
}
