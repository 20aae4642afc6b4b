package dev.triad.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.TriadConfig;
import dev.triad.base.Ids;
import dev.triad.problem.ProblemException;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

/**
 * Records what shoppers did with offers: a counter per shop, day and event type (and offer kind),
 * and for the session and customer behind a {@code dismiss} or an {@code add}, the products it
 * names — dismissed ones are hidden from the next offers, added ones attribute the order that
 * follows. One atomic script per event, one round trip.
 */
@ApplicationScoped
public class EventService {

    static final Set<String> TYPES = Set.of("impression", "click", "add", "dismiss");
    static final Set<String> KINDS = Set.of("add_on", "bundle", "upgrade");
    static final int MAX_OFFERS = 3;
    static final int MAX_PRODUCTS_PER_OFFER = 5;

    /**
     * KEYS[1] the day's stats hash, KEYS[2] the day's count of visitors remembered, KEYS[3] the
     * answer's counted events, KEYS[4..] the visitors' dismissed strings or added hashes. ARGV: type,
     * kind, stats expiry, now, dismissal expiry, window, most visitors remembered a day, the shop's
     * product key prefix, what the event counts as in its answer ('' when it does not count: no
     * request id Triad issued), how long that is remembered, product ids. An answer's impression,
     * dismissal, and click and add of each tier count once. Only products the shop has are
     * remembered, and a visitor not yet remembered is only while the shop's day has room: a script
     * sending random sessions and ids cannot fill Redis.
     */
    static final String SCRIPT = """
            if ARGV[9] ~= '' and redis.call('HSETNX', KEYS[3], ARGV[9], 1) == 1 then
              redis.call('EXPIRE', KEYS[3], ARGV[10])
              redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
              if ARGV[2] ~= '' then redis.call('HINCRBY', KEYS[1], ARGV[1] .. '.' .. ARGV[2], 1) end
              redis.call('EXPIRE', KEYS[1], ARGV[3])
            end
            if #KEYS < 4 then return 1 end
            local ids = {}
            for i = 11, #ARGV do
              if redis.call('EXISTS', ARGV[8] .. ARGV[i]) == 1 then ids[#ids + 1] = ARGV[i] end
            end
            if #ids == 0 then return 0 end
            for k = 4, #KEYS do
              local room = redis.call('EXISTS', KEYS[k]) == 1
              if not room then
                room = redis.call('INCR', KEYS[2]) <= tonumber(ARGV[7])
                redis.call('EXPIRE', KEYS[2], 172800)
              end
              if room and ARGV[1] == 'dismiss' then
                local kept = {}
                local old = redis.call('GET', KEYS[k])
                if old then
                  for id, expiry in string.gmatch(old, '(%S+) (%d+)') do
                    if tonumber(expiry) > tonumber(ARGV[4]) then kept[#kept + 1] = id .. ' ' .. expiry end
                  end
                end
                for _, id in ipairs(ids) do kept[#kept + 1] = id .. ' ' .. ARGV[5] end
                while #kept > 200 do table.remove(kept, 1) end
                redis.call('SET', KEYS[k], table.concat(kept, ' '), 'EX', ARGV[6])
              elseif room then
                for _, id in ipairs(ids) do redis.call('HSET', KEYS[k], id, ARGV[4]) end
                if redis.call('HLEN', KEYS[k]) > 200 then redis.call('UNLINK', KEYS[k]) else
                  redis.call('EXPIRE', KEYS[k], ARGV[6]) end
              end
            end
            return 1
            """;

    private final RedisBatches redis;
    private final Visitors visitors;
    private final RequestIds requestIds;
    private final TriadConfig.Events config;
    private final Clock clock;

    public EventService(RedisBatches redis, Visitors visitors, RequestIds requestIds, TriadConfig config) {
        this.redis = redis;
        this.requestIds = requestIds;
        this.visitors = visitors;
        this.config = config.events();
        this.clock = Clock.systemUTC();
    }

    /** Validates {@code event} (400 naming the field) and records it; nothing is written for a bad one. */
    public void record(String shop, EventRequest event) {
        String type = event.type();
        if (type == null || !TYPES.contains(type)) {
            throw ProblemException.invalid("type", "'type' must be one of impression, click, add, dismiss");
        }
        String session = optionalId("sessionId", event.sessionId());
        String customer = optionalId("customerId", event.customerId());
        List<EventRequest.Offer> offers = event.offers() == null ? List.of() : event.offers();
        if (offers.size() > MAX_OFFERS) {
            throw ProblemException.invalid("offers", "'offers' holds at most " + MAX_OFFERS + " offers");
        }
        boolean remembered = type.equals("dismiss") || type.equals("add");
        if (remembered && offers.isEmpty()) {
            throw ProblemException.invalid("offers", "A " + type + " event names the offers it concerns in 'offers'");
        }
        if (remembered && session == null && customer == null) {
            throw ProblemException.invalid("sessionId", "A " + type + " event needs 'sessionId' or 'customerId'");
        }
        Set<String> products = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (int i = 0; i < offers.size(); i++) {
            EventRequest.Offer offer = offers.get(i);
            String at = "offers[" + i + "]";
            if (offer == null) {
                throw ProblemException.invalid(at, "'" + at + "' must be an object");
            }
            if (offer.kind() != null) {
                if (!KINDS.contains(offer.kind())) {
                    throw ProblemException.invalid(at + ".kind", "'" + at + ".kind' must be add_on, bundle or upgrade");
                }
                kinds.add(offer.kind());
            }
            List<String> ids = offer.productIds() == null ? List.of() : offer.productIds();
            if (ids.isEmpty() || ids.size() > MAX_PRODUCTS_PER_OFFER) {
                throw ProblemException.invalid(at + ".productIds", "'" + at + ".productIds' must hold 1 to "
                        + MAX_PRODUCTS_PER_OFFER + " product ids");
            }
            for (int j = 0; j < ids.size(); j++) {
                products.add(Ids.require(at + ".productIds[" + j + "]", ids.get(j)));
            }
        }
        write(shop, type, kinds.size() == 1 ? kinds.iterator().next() : "", remembered ? products : Set.of(),
                visitorKeys(shop, type, session, customer), event.requestId(), countedAs(type, offers));
    }

    /** What an event is within its answer: its type, and for a click or an add the offer's tier. */
    private static String countedAs(String type, List<EventRequest.Offer> offers) {
        boolean perOffer = type.equals("click") || type.equals("add");
        Integer tier = perOffer && !offers.isEmpty() ? offers.get(0).tier() : null;
        return tier == null ? type : type + "." + tier;
    }

    private List<String> visitorKeys(String shop, String type, String session, String customer) {
        List<String> keys = new ArrayList<>(2);
        for (String visitor : new String[] { visitors.session(shop, session), visitors.customer(shop, customer) }) {
            if (visitor == null) {
                continue;
            }
            if (type.equals("dismiss")) {
                keys.add(Keys.dismissed(shop, visitor));
            } else if (type.equals("add")) {
                keys.add(Keys.added(shop, visitor));
            }
        }
        return keys;
    }

    private void write(String shop, String type, String kind, Set<String> products, List<String> visitorKeys,
            String requestId, String countedAs) {
        Instant now = clock.instant();
        long window = (type.equals("dismiss") ? config.dismissFor() : config.attributionWindow()).toSeconds();
        String day = Keys.day(now);
        boolean counts = requestIds.valid(shop, requestId, now.getEpochSecond());
        Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(3 + visitorKeys.size())
                .arg(Keys.stats(shop, day)).arg(Keys.visitorsRemembered(shop, day))
                .arg(Keys.answerEvents(shop, counts ? requestId : "none"));
        visitorKeys.forEach(eval::arg);
        eval.arg(type).arg(kind).arg(config.statsKeptFor().toSeconds()).arg(now.getEpochSecond())
                .arg(now.getEpochSecond() + window).arg(window).arg(config.maxVisitorsRememberedPerDay())
                .arg(Keys.product(shop, "")).arg(counts ? countedAs : "").arg(requestIds.validSeconds());
        products.forEach(eval::arg);
        redis.send(eval);
    }

    private static String optionalId(String field, String value) {
        return value == null ? null : Ids.require(field, value);
    }
}
