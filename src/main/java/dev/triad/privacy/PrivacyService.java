package dev.triad.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.events.Dismissals;
import dev.triad.events.PurchaseHistory;
import dev.triad.events.Visitors;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.redis.StoredJson;
import dev.triad.shop.Shop;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * What the privacy topics ask of Triad: hand over what it holds on a customer, erase it, or erase a
 * whole shop. Customers are found by the keyed hash that stands for their id.
 */
@ApplicationScoped
public class PrivacyService {

    /** KEYS[1] any key of the shop (routes to its node); ARGV pattern, cursor. Unlinks a page, answers the next cursor. */
    static final String ERASE_PAGE = """
            local page = redis.call('SCAN', ARGV[2], 'MATCH', ARGV[1], 'COUNT', 1000)
            if #page[2] > 0 then redis.call('UNLINK', unpack(page[2])) end
            return page[1]
            """;

    private final RedisBatches redis;
    private final Visitors visitors;
    private final StoredJson stored;
    private final Clock clock = Clock.systemUTC();

    public PrivacyService(RedisBatches redis, Visitors visitors, StoredJson stored) {
        this.redis = redis;
        this.visitors = visitors;
        this.stored = stored;
    }

    /** Erases what Triad holds on a customer: purchase history, dismissals, offers added, session group, countdown. */
    public void redactCustomer(Shop shop, String customerId) {
        String customer = visitors.customer(shop.id(), customerId);
        redis.send(Request.cmd(Command.UNLINK).arg(Keys.customer(shop.id(), customer)).arg(Keys.history(shop.id(), customer))
                .arg(Keys.dismissed(shop.id(), customer)).arg(Keys.added(shop.id(), customer))
                .arg(Keys.session(shop.id(), customer)).arg(Keys.countdown(shop.id(), customer)));
    }

    /** What Triad holds on a customer, kept 30 days for the merchant under {@code requestId}. */
    public CustomerData dataRequest(Shop shop, String requestId, String customerId) {
        String customer = visitors.customer(shop.id(), customerId);
        List<Response> replies = redis.send(List.of(
                Request.cmd(Command.SMEMBERS).arg(Keys.customer(shop.id(), customer)),
                Request.cmd(Command.GET).arg(Keys.dismissed(shop.id(), customer)),
                Request.cmd(Command.HKEYS).arg(Keys.added(shop.id(), customer)),
                Request.cmd(Command.GET).arg(Keys.history(shop.id(), customer))));
        Set<String> bought = new TreeSet<>(strings(replies.get(0)));
        bought.addAll(PurchaseHistory.read(replies.get(3) == null ? null : replies.get(3).toBytes()).keySet());
        CustomerData data = new CustomerData(requestId, customerId, List.copyOf(bought),
                List.copyOf(Dismissals.live(replies.get(1) == null ? null : replies.get(1).toString(),
                        clock.instant().getEpochSecond())),
                strings(replies.get(2)));
        redis.send(Request.cmd(Command.SET).arg(Keys.dataRequest(shop.id(), requestId)).arg(stored.write(data))
                .arg("EX").arg(Duration.ofDays(30).toSeconds()));
        return data;
    }

    /** What a privacy data request found: ids of products bought, dismissed and added from offers. */
    public record CustomerData(String requestId, String customerId, List<String> productsBought,
            List<String> productsDismissed, List<String> productsAddedFromOffers) {
    }

    /** Erases every key of the shop, the shop's record included. */
    public void redactShop(String shop) {
        redis.send(Request.cmd(Command.SREM).arg(Keys.shopifyInstalled()).arg(shop));
        String cursor = "0";
        do {
            Response next = redis.send(Request.cmd(Command.EVAL).arg(ERASE_PAGE).arg(1).arg(Keys.shop(shop))
                    .arg(Keys.prefix(shop) + "*").arg(cursor));
            cursor = next.toString();
        } while (!"0".equals(cursor));
    }


    private static List<String> strings(Response reply) {
        List<String> values = new ArrayList<>();
        if (reply != null) {
            reply.forEach(r -> values.add(r.toString()));
        }
        values.sort(null);
        return values;
    }
}
