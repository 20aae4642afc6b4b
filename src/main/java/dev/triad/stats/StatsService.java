package dev.triad.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.shop.Shop;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The offer funnel and the uplift against the hold-out, from the daily counters that events, the
 * offer path (sessions) and order webhooks keep. Money is counted in minor units of the shop's
 * currency and shown as decimal strings.
 */
@ApplicationScoped
public class StatsService {

    private final RedisBatches redis;

    public StatsService(RedisBatches redis) {
        this.redis = redis;
    }

    public StatsReport report(Shop shop, LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        List<Request> reads = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
            reads.add(Request.cmd(Command.HGETALL).arg(Keys.stats(shop.id(), d.toString())));
        }
        List<Response> replies = redis.send(reads);
        int digits = Math.max(0, java.util.Currency.getInstance(shop.currency()).getDefaultFractionDigits());
        Map<String, Long> totals = new HashMap<>();
        List<StatsReport.Day> perDay = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            Map<String, Long> counters = counters(replies.get(i));
            counters.forEach((k, v) -> totals.merge(k, v, Long::sum));
            perDay.add(StatsReport.Day.of(days.get(i), counters, digits));
        }
        return StatsReport.of(shop, from, to, totals, digits, perDay);
    }

    private static Map<String, Long> counters(Response hash) {
        Map<String, Long> counters = new HashMap<>();
        if (hash != null) {
            for (String field : hash.getKeys()) {
                counters.put(field, hash.get(field).toLong());
            }
        }
        return counters;
    }

    static String money(long minor, int digits) {
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }
}
