package dev.triad.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The order log and the co-purchase counts mined from it, in Redis. The log (order id → products)
 * is the source of truth and is written once per order id, which makes a re-import change nothing;
 * counts and rows are a view of it that a full rebuild recomputes and orders patch incrementally.
 */
@ApplicationScoped
public class CountStore {

    static final int SCAN_COUNT = 5000;

    private final RedisBatches redis;

    public CountStore(RedisBatches redis) {
        this.redis = redis;
    }

    /** Appends to the log the orders it does not hold yet; answers those. */
    public List<Basket> log(String shop, List<Basket> baskets) {
        List<Request> writes = new ArrayList<>(baskets.size());
        for (Basket b : baskets) {
            writes.add(Request.cmd(Command.HSETNX).arg(Keys.orders(shop)).arg(b.orderId()).arg(b.encode()));
        }
        List<Response> replies = redis.send(writes);
        List<Basket> added = new ArrayList<>();
        for (int i = 0; i < baskets.size(); i++) {
            if (replies.get(i).toInteger() == 1) {
                added.add(baskets.get(i));
            }
        }
        return added;
    }

    /** Visits every order of the log, a few thousand per round trip. */
    public void scan(String shop, Consumer<Basket> visitor) {
        String cursor = "0";
        do {
            Response page = redis.send(Request.cmd(Command.HSCAN).arg(Keys.orders(shop)).arg(cursor)
                    .arg("COUNT").arg(SCAN_COUNT));
            cursor = page.get(0).toString();
            Response entries = page.get(1);
            for (int i = 0; i + 1 < entries.size(); i += 2) {
                visitor.accept(Basket.decode(entries.get(i).toString(), entries.get(i + 1).toString()));
            }
        } while (!"0".equals(cursor));
    }

    /** Whether counts have been built (a full rebuild ran): from then on orders update them incrementally. */
    public boolean built(String shop) {
        return redis.send(Request.cmd(Command.HEXISTS).arg(Keys.meta(shop)).arg("rebuiltAt")).toInteger() == 1;
    }

    public long orders(String shop) {
        Response n = redis.send(Request.cmd(Command.HGET).arg(Keys.meta(shop)).arg("orders"));
        return n == null ? 0 : n.toLong();
    }

    /** {@code c_a} of each of {@code productIds}; absent products count 0. */
    public Map<String, Integer> counts(String shop, List<String> productIds) {
        Map<String, Integer> counts = new HashMap<>();
        if (productIds.isEmpty()) {
            return counts;
        }
        Request hmget = Request.cmd(Command.HMGET).arg(Keys.counts(shop));
        productIds.forEach(hmget::arg);
        Response reply = redis.send(hmget);
        for (int i = 0; i < productIds.size(); i++) {
            counts.put(productIds.get(i), reply.get(i) == null ? 0 : reply.get(i).toInteger());
        }
        return counts;
    }

    public PairRow row(String shop, String productId) {
        Response row = redis.send(Request.cmd(Command.GET).arg(Keys.pairs(shop, productId)));
        return row == null ? PairRow.EMPTY : PairRow.decode(row.toString());
    }

    /** Replaces every count with those of a full rebuild (rows are written by the rebuild as it goes). */
    public void replaceCounts(String shop, Map<String, Integer> itemCounts, long orders, long rebuildMillis) {
        List<Request> writes = new ArrayList<>();
        writes.add(Request.cmd(Command.DEL).arg(Keys.counts(shop)));
        Request hset = null;
        int fields = 0;
        for (Map.Entry<String, Integer> e : itemCounts.entrySet()) {
            if (hset == null || fields == 1000) {
                hset = Request.cmd(Command.HSET).arg(Keys.counts(shop));
                writes.add(hset);
                fields = 0;
            }
            hset.arg(e.getKey()).arg(e.getValue());
            fields++;
        }
        writes.add(Request.cmd(Command.HSET).arg(Keys.meta(shop)).arg("orders").arg(orders)
                .arg("rebuiltAt").arg(System.currentTimeMillis()).arg("rebuildMillis").arg(rebuildMillis));
        redis.send(writes);
    }
}
