package dev.triad.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.events.PurchaseHistory;
import dev.triad.mining.Basket;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

/**
 * Keeps each customer's {@link PurchaseHistory} up to date with their new orders (webhooks and
 * imports alike, each order once): one script call per customer of a batch. Orders without a
 * customer or a day leave histories as they are.
 */
@ApplicationScoped
public class PurchaseHistories {

    private final RedisBatches redis;

    public PurchaseHistories(RedisBatches redis) {
        this.redis = redis;
    }

    /** Adds the products of {@code fresh} orders (never seen before) to their customers' histories. */
    public void add(String shop, List<Basket> fresh) {
        Map<String, List<Basket>> byCustomer = new LinkedHashMap<>();
        for (Basket b : fresh) {
            if (b.customer() != null && b.day() != Basket.NO_DAY && !b.productIds().isEmpty()) {
                byCustomer.computeIfAbsent(b.customer(), c -> new ArrayList<>()).add(b);
            }
        }
        if (byCustomer.isEmpty()) {
            return;
        }
        List<Request> merges = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((customer, baskets) -> {
            Request merge = Request.cmd(Command.EVAL).arg(PurchaseHistory.MERGE).arg(1).arg(Keys.history(shop, customer))
                    .arg(PurchaseHistory.MAX_PRODUCTS).arg(PurchaseHistory.KEPT_SECONDS);
            for (Basket b : baskets) {
                for (String product : b.productIds()) {
                    merge.arg(product).arg(b.day());
                }
            }
            merges.add(merge);
        });
        redis.send(merges);
    }
}
