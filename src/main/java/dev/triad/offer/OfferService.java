package dev.triad.offer;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.triad.TriadConfig;
import dev.triad.problem.ProblemException;
import dev.triad.shop.Shop;
import dev.triad.shop.ApiKeys;
import dev.triad.sheet.SheetStore;
import io.smallrye.mutiny.Uni;

/**
 * The hot path: one Redis round trip, then the rule of three in memory.
 *
 * <p>Checkout must never break or wait because of Triad: any Redis failure, timeout or unreadable
 * value answers 200 with no offers and {@code degraded: true} within the configured timeout.
 */
@ApplicationScoped
public class OfferService {

    private static final Logger LOG = Logger.getLogger(OfferService.class);

    private static final long DEGRADED_LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final AtomicLong lastDegradedLog = new AtomicLong(System.nanoTime() - DEGRADED_LOG_INTERVAL_NANOS - 1);
    private final SheetStore sheets;
    private final TriadConfig.Offers config;

    public OfferService(SheetStore sheets, TriadConfig config) {
        this.sheets = sheets;
        this.config = config.offers();
    }

    /**
     * @param key    the publishable key sent by the widget
     * @param origin the browser's {@code Origin}, checked against the shop's allowlist (null outside a browser)
     */
    public Uni<OfferResponse> offers(String shop, OfferQuery query, String key, String origin) {
        String requestId = requestId();
        return sheets.read(shop, query.cart().productIds(), config.redisTimeout())
                .map(snapshot -> answer(requestId, shop, query, key, origin, snapshot))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .recoverWithItem(failure -> degraded(requestId, shop, query, failure));
    }

    private OfferResponse answer(String requestId, String shopId, OfferQuery query, String key, String origin,
            SheetStore.Snapshot snapshot) {
        Shop shop = authorize(shopId, key, origin, snapshot.shop());
        if (!shop.currency().equals(query.currency().getCurrencyCode())) {
            throw new ProblemException(422, "currency-mismatch", "Currency mismatch",
                    "This shop's prices are in " + shop.currency() + "; the cart is in "
                            + query.currency().getCurrencyCode(), "currency");
        }
        String visitor = query.sessionId() != null ? query.sessionId() : query.customerId();
        boolean holdout = Holdout.holdsOut(shopId, visitor, shop.settings().holdoutPercent());
        if (!shop.enabled() || holdout) {
            return new OfferResponse(requestId, shopId, query.placement(), List.of(), null, holdout, false);
        }
        int digits = Math.max(0, query.currency().getDefaultFractionDigits());
        Selection selection = new RuleOfThree(shop.settings(), digits)
                .select(query.cart(), snapshot.sheets(), Set.of());
        OfferViews views = new OfferViews(digits);
        return new OfferResponse(requestId, shopId, query.placement(), views.of(selection),
                views.freeShipping(selection), false, false);
    }

    private static Shop authorize(String shopId, String key, String origin, Shop shop) {
        if (shop == null) {
            throw ProblemException.notFound("shop", "No shop named '" + shopId + "' is registered");
        }
        if (key == null || key.isEmpty()) {
            throw ProblemException.unauthorized("X-Triad-Key", "The shop's publishable key is required in X-Triad-Key");
        }
        if (!ApiKeys.same(key, shop.publishableKey())) {
            throw ProblemException.unauthorized("X-Triad-Key", "X-Triad-Key is not this shop's publishable key");
        }
        if (!shop.allowsOrigin(origin)) {
            throw ProblemException.forbidden("Origin", "Origin " + origin + " is not allowed for this shop");
        }
        return shop;
    }

    private OfferResponse degraded(String requestId, String shop, OfferQuery query, Throwable failure) {
        long now = System.nanoTime();
        long last = lastDegradedLog.get();
        // An outage degrades every request: log it once per interval, not thousands of times a second.
        if (now - last > DEGRADED_LOG_INTERVAL_NANOS && lastDegradedLog.compareAndSet(last, now)) {
            LOG.warnf("Offers degraded (shop %s): %s", shop, failure.toString());
        }
        return new OfferResponse(requestId, shop, query.placement(), List.of(), null, false, true);
    }

    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
