package dev.triad.offer;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.triad.TriadConfig;
import dev.triad.events.RequestIds;
import dev.triad.events.SessionTally;
import dev.triad.events.Visitors;
import dev.triad.problem.ProblemException;
import dev.triad.problem.ThrottledLog;
import dev.triad.shop.PublishableKeys;
import dev.triad.shop.Shop;
import io.smallrye.mutiny.Uni;

/**
 * The hot path: one Redis round trip, then the rule of three in memory.
 *
 * <p>Checkout must never break or wait because of Triad: any Redis failure, timeout or unreadable
 * value answers 200 with no offers and {@code degraded: true} within the configured timeout.
 */
@Singleton
public class OfferService {

    private static final Logger LOG = Logger.getLogger(OfferService.class);

    /** An outage degrades every request: it is logged once per 10 s, with a count, not thousands of times a second. */
    private final ThrottledLog degradedLog = new ThrottledLog(LOG, 10);
    private final SheetStore sheets;
    private final TriadConfig.Offers config;

    private final Visitors visitors;
    private final SessionTally sessions;
    private final RequestIds requestIds;
    private final OfferTokens tokens;

    public OfferService(SheetStore sheets, Visitors visitors, SessionTally sessions, RequestIds requestIds,
            OfferTokens tokens, TriadConfig config) {
        this.sheets = sheets;
        this.tokens = tokens;
        this.requestIds = requestIds;
        this.visitors = visitors;
        this.sessions = sessions;
        this.config = config.offers();
    }

    /** Who asks: the widget with the shop's publishable key from a browser origin, or the platform itself. */
    public record Caller(String key, String origin, boolean platformSigned) {

        /** The widget: {@code key} is checked, {@code origin} (null outside a browser) against the allowlist. */
        public static Caller storefront(String key, String origin) {
            return new Caller(key, origin, false);
        }

        /** A request whose shop the platform signed (Shopify App Proxy): no key needed. */
        public static Caller platform() {
            return new Caller(null, null, true);
        }
    }

    public Uni<OfferResponse> offers(String shop, OfferQuery query, Caller caller) {
        return offers(shop, query, caller, config.redisTimeout());
    }

    /**
     * The offers, waiting up to {@code redisTimeout} for Redis: the storefront's budget is a few milliseconds;
     * an e-mail's offers, made off any shopper's path, can wait longer.
     */
    public Uni<OfferResponse> offers(String shop, OfferQuery query, Caller caller, Duration redisTimeout) {
        String requestId = requestIds.mint(shop, System.currentTimeMillis() / 1000);
        String session = visitors.session(shop, query.sessionId());
        String customer = visitors.customer(shop, query.customerId());
        List<String> dismissedBy = session == null ? (customer == null ? List.of() : List.of(customer))
                : customer == null ? List.of(session) : List.of(session, customer);
        // A purchase history answers who bought what: read only for a customer the platform vouches for
        // (the App Proxy's signed logged_in_customer_id), never for an id anyone can type into a request.
        String historyOf = caller.platformSigned() ? customer : null;
        String visitorHash = session != null ? session : customer;
        return sheets.read(shop, query.cart().productIds(), dismissedBy, historyOf, visitorHash, redisTimeout)
                .map(snapshot -> answer(requestId, shop, query, caller, snapshot, visitorHash))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .recoverWithItem(failure -> degraded(requestId, shop, query, failure));
    }

    private OfferResponse answer(String requestId, String shopId, OfferQuery query, Caller caller,
            Snapshot snapshot, String visitorHash) {
        Shop shop = caller.platformSigned() ? registered(shopId, snapshot.shop())
                : PublishableKeys.check(shopId, caller.key(), caller.origin(), snapshot.shop());
        Presentment presentment = Presentment.of(shop.currency(), query);
        String visitor = query.sessionId() != null ? query.sessionId() : query.customerId();
        boolean holdout = Holdout.holdsOut(shopId, visitor, shop.settings().holdoutPercent());
        if (!shop.enabled()) {
            return new OfferResponse(requestId, shopId, query.placement(), List.of(), null, false, false);
        }
        if (visitorHash != null) {
            sessions.record(shopId, visitorHash, holdout);
        }
        if (holdout) {
            return new OfferResponse(requestId, shopId, query.placement(), List.of(), null, true, false);
        }
        long now = System.currentTimeMillis() / 1000;
        long today = Math.floorDiv(now, 86_400L);
        long limitedEndsAt = limitedTimeEnds(shopId, shop, visitorHash, snapshot, now);
        Selection selection = new RuleOfThree(shop.settings(), presentment.shopDigits())
                .select(presentment.cartInShopCurrency(query.cart()), snapshot.sheets(), snapshot.dismissed(),
                        snapshot.history(), today, limitedEndsAt > now ? shop.settings().limitedTimePercent() : 0)
                .displayed(snapshot::displayed);
        OfferViews views = new OfferViews(presentment, new DiscountTerms(tokens, shopId, shop.currency(),
                now + config.discountValidFor().toSeconds(), limitedEndsAt, now));
        return new OfferResponse(requestId, shopId, query.placement(), views.of(selection),
                views.freeShipping(selection), false, false);
    }

    /**
     * When the visitor's limited-time offer ends (0: the shop runs none, or the visitor is unknown): the end
     * stored at the visitor's first offers, or, on those, now plus the shop's minutes, stored for next time.
     * Once it has passed, the offers come at their usual prices until the stored end expires a day later.
     */
    private long limitedTimeEnds(String shopId, Shop shop, String visitorHash, Snapshot snapshot, long now) {
        int minutes = shop.settings().limitedTimeMinutes();
        if (minutes == 0 || visitorHash == null) {
            return 0;
        }
        if (snapshot.countdownEnds() > 0) {
            return snapshot.countdownEnds();
        }
        long endsAt = now + minutes * 60L;
        sheets.startCountdown(shopId, visitorHash, endsAt, minutes * 60L + 86_400L);
        return endsAt;
    }

    private static Shop registered(String shopId, Shop shop) {
        if (shop == null) {
            throw ProblemException.notFound("shop", "No shop named '" + shopId + "' is registered");
        }
        return shop;
    }

    private OfferResponse degraded(String requestId, String shop, OfferQuery query, Throwable failure) {
        degradedLog.warn("Offers degraded (shop %s): %s", shop, failure);
        return new OfferResponse(requestId, shop, query.placement(), List.of(), null, false, true);
    }

}
