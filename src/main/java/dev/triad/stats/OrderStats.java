package dev.triad.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.TriadConfig;
import dev.triad.ingest.ImportedOrder;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.shop.Shop;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

/**
 * The day's order statistics of a shop, counted once per order by one script that first marks the
 * order counted: a delivery processed twice counts once.
 */
@ApplicationScoped
public class OrderStats {

    static final Duration COUNTED_FOR = Duration.ofDays(30);

    /**
     * KEYS: order-counted mark, day stats, group by session, group by customer, added by session,
     * added by customer. ARGV: mark expiry, stats expiry, order total (minor units), now,
     * attribution window, then product id and line total (minor units) pairs.
     */
    static final String COUNT_ORDER = """
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
            redis.call('HINCRBY', KEYS[2], 'orders', 1)
            redis.call('HINCRBY', KEYS[2], 'revenue', ARGV[3])
            local group = redis.call('GET', KEYS[3]) or redis.call('GET', KEYS[4])
            if group then
              redis.call('HINCRBY', KEYS[2], 'orders.' .. group, 1)
              redis.call('HINCRBY', KEYS[2], 'revenue.' .. group, ARGV[3])
            end
            local attributed, won = false, 0
            for i = 6, #ARGV, 2 do
              for k = 5, 6 do
                local at = redis.call('HGET', KEYS[k], ARGV[i])
                if at and tonumber(at) + tonumber(ARGV[5]) >= tonumber(ARGV[4]) then
                  attributed = true
                  won = won + tonumber(ARGV[i + 1])
                  break
                end
              end
            end
            if attributed then
              redis.call('HINCRBY', KEYS[2], 'orders.attributed', 1)
              redis.call('HINCRBY', KEYS[2], 'revenue.attributed', won)
            end
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            return 1
            """;

    private final RedisBatches redis;
    private final TriadConfig.Events events;
    private final Clock clock = Clock.systemUTC();

    public OrderStats(RedisBatches redis, TriadConfig config) {
        this.redis = redis;
        this.events = config.events();
    }

    /**
     * Counts a store's order once in the day's statistics: orders and revenue, the group (exposed or
     * hold-out) of its session or customer, and the revenue of items added from an offer within the
     * attribution window. {@code session} and {@code customer} are keyed hashes (events.Visitors), or
     * null; {@code orderTotal} the order's total as the store reports it (null: the lines' sum).
     */
    public void count(Shop shop, ImportedOrder order, String session, BigDecimal orderTotal, String customer) {
        String id = shop.id();
        String none = Keys.prefix(id) + "none";
        int digits = Math.max(0, Currency.getInstance(shop.currency()).getDefaultFractionDigits());
        Map<String, Long> lineTotals = new LinkedHashMap<>();
        long total = 0;
        for (ImportedOrder.Line line : order.lines()) {
            long minor = minor(line.price() == null ? BigDecimal.ZERO : line.price().multiply(BigDecimal.valueOf(line.quantity())), digits);
            lineTotals.merge(line.productId(), minor, Long::sum);
            total += minor;
        }
        if (orderTotal != null) {
            total = minor(orderTotal, digits);
        }
        Instant now = clock.instant();
        Request eval = Request.cmd(Command.EVAL).arg(COUNT_ORDER).arg(6)
                .arg(Keys.orderCounted(id, order.id()))
                .arg(Keys.stats(id, Keys.day(now)))
                .arg(session == null ? none : Keys.session(id, session))
                .arg(customer == null ? none : Keys.session(id, customer))
                .arg(session == null ? none : Keys.added(id, session))
                .arg(customer == null ? none : Keys.added(id, customer))
                .arg(COUNTED_FOR.toSeconds()).arg(events.statsKeptFor().toSeconds()).arg(total)
                .arg(now.getEpochSecond()).arg(events.attributionWindow().toSeconds());
        lineTotals.forEach((product, minor) -> eval.arg(product).arg(minor));
        redis.send(eval);
    }

    private static long minor(BigDecimal amount, int digits) {
        return amount.setScale(digits, RoundingMode.HALF_UP).movePointRight(digits).longValueExact();
    }
}
