package dev.triad.email;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.TriadConfig;
import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ProductFacts;
import dev.triad.offer.Cart;
import dev.triad.offer.CartLine;
import dev.triad.offer.OfferQuery;
import dev.triad.offer.OfferResponse;
import dev.triad.offer.OfferService;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.shop.Shop;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

/**
 * The offers an e-mail shows for what was bought: the offer path's answer for those products (post-purchase,
 * so no upgrade of what was just bought), in tier order; and the e-mail's own line in the statistics
 * ({@code email.click}, {@code email.claim}: the placement {@code email} of the stats report).
 */
@ApplicationScoped
public class EmailOffers {

    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);

    private final OfferService offers;
    private final CatalogStore catalog;
    private final RedisBatches redis;
    private final long statsKeptSeconds;

    public EmailOffers(OfferService offers, CatalogStore catalog, RedisBatches redis, TriadConfig config) {
        this.offers = offers;
        this.catalog = catalog;
        this.redis = redis;
        this.statsKeptSeconds = config.events().statsKeptFor().toSeconds();
    }

    /** The offers for a cart of {@code lines}, upgrades left out. */
    public List<OfferResponse.View> after(Shop shop, List<CartLine> lines, String customerId, String ref) {
        OfferQuery query = new OfferQuery("post_purchase", Currency.getInstance(shop.currency()), new Cart(lines),
                customerId, "order-" + ref, null);
        // The storefront gives Redis a checkout's few milliseconds; an e-mail's reader can wait a second.
        OfferResponse answer = offers.offers(shop.id(), query, OfferService.Caller.platform(), REDIS_TIMEOUT)
                .await().atMost(Duration.ofSeconds(5));
        return answer.offers().stream().filter(o -> !"upgrade".equals(o.kind())).toList();
    }

    /** The offers for products bought (their prices from the catalog; products it does not know left out). */
    public List<OfferResponse.View> after(Shop shop, List<String> productIds, String ref) {
        Map<String, ProductFacts> known = catalog.findAll(shop.id(), productIds);
        List<CartLine> lines = new ArrayList<>();
        for (String id : productIds) {
            ProductFacts facts = known.get(id);
            BigDecimal price = facts == null ? null : facts.variants().stream().map(ProductFacts.Variant::price)
                    .filter(p -> p != null).min(BigDecimal::compareTo).orElse(null);
            if (price != null) {
                lines.add(new CartLine(id, null, 1, price));
            }
        }
        return lines.isEmpty() ? List.of() : after(shop, lines, null, ref);
    }

    /** Counts an e-mail's {@code click} or {@code claim} in today's statistics. */
    public void count(Shop shop, String what) {
        String key = Keys.stats(shop.id(), Keys.day(Instant.now()));
        redis.send(List.of(Request.cmd(Command.HINCRBY).arg(key).arg("email." + what).arg(1),
                Request.cmd(Command.EXPIRE).arg(key).arg(statsKeptSeconds)));
    }
}
