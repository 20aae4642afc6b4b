package dev.triad.webhook;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.problem.ProblemException;
import dev.triad.problem.ProblemMapper;
import dev.triad.problem.StoreTrouble;
import dev.triad.problem.ThrottledLog;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopName;
import dev.triad.shop.ShopStore;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

/**
 * What every webhook delivery goes through once its signature is checked: the registered shop, a
 * delivery seen before answered at once, the effect stored, then the delivery remembered — and
 * only then the acknowledgement. When Redis cannot be reached the answer is 503, so that the
 * platform delivers again later; nothing acknowledged is lost.
 */
@ApplicationScoped
public class WebhookReceiver {

    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class);
    private static final ThrottledLog NOT_STORED = new ThrottledLog(LOG, 10);

    /** Shopify retries a delivery for up to 48 hours. */
    static final Duration REMEMBERED_FOR = Duration.ofDays(3);

    /** How many rejected deliveries a shop keeps for its operator to read. */
    static final int REJECTIONS_KEPT = 100;

    /** The answer to a delivery: what was done with it. */
    public record Outcome(String result, String topic) {
    }

    /** A delivery's effect on the shop. */
    @FunctionalInterface
    interface Effect {
        void apply(Shop shop, JsonNode body);
    }

    private final ShopStore shops;
    private final RedisBatches redis;
    private final ObjectMapper mapper;

    public WebhookReceiver(ShopStore shops, RedisBatches redis, ObjectMapper mapper) {
        this.shops = shops;
        this.redis = redis;
        this.mapper = mapper;
    }

    /** The registered shop of {@code platform} named {@code name}; 404 otherwise, 503 when Redis is unreachable. */
    Shop shop(String name, String platform) {
        Shop shop = registered(name, platform);
        if (shop == null) {
            throw ProblemException.notFound("shop", "No " + platform + " shop named '" + name + "' is registered");
        }
        return shop;
    }

    /** The registered shop of {@code platform} named {@code name}, or null; 503 when Redis is unreachable. */
    Shop registered(String name, String platform) {
        String id = ShopName.validate(name);
        Shop shop = storing(() -> shops.find(id).orElse(null));
        return shop != null && shop.platform().equals(platform) ? shop : null;
    }

    /**
     * Applies {@code effect} to {@code json} unless the delivery {@code deliveryId} (null: none to
     * remember) was processed before. An effect that can never succeed on this body (a fault of
     * Triad's, not Redis being away) is recorded as rejected and answered 200 {@code rejected}, so
     * that the platform stops delivering it again; Redis trouble is a 503, delivered again later.
     */
    Outcome deliver(Shop shop, String topic, String deliveryId, JsonNode json, Effect effect) {
        try {
            return apply(shop, topic, deliveryId, json, effect);
        } catch (Rejected e) {
            LOG.errorf(e.getCause(), "Rejected a %s delivery for %s: it can never be processed", topic, shop.id());
            storing(() -> redis.send(List.of(
                    Request.cmd(Command.LPUSH).arg(Keys.rejected(shop.id()))
                            .arg(Instant.now() + " " + topic + ": " + e.getCause()),
                    Request.cmd(Command.LTRIM).arg(Keys.rejected(shop.id())).arg(0).arg(REJECTIONS_KEPT - 1),
                    Request.cmd(Command.EXPIRE).arg(Keys.rejected(shop.id())).arg(REMEMBERED_FOR.toSeconds()))));
            return new Outcome("rejected", topic);
        }
    }

    private Outcome apply(Shop shop, String topic, String deliveryId, JsonNode json, Effect effect) {
        return storing(() -> {
            String mark = deliveryId == null ? null : Keys.delivery(shop.id(), deliveryId);
            if (mark != null && redis.send(Request.cmd(Command.EXISTS).arg(mark)).toInteger() > 0) {
                return new Outcome("duplicate", topic);
            }
            effect.apply(shop, json);
            if (mark != null) {
                redis.send(Request.cmd(Command.SET).arg(mark).arg("1").arg("EX").arg(REMEMBERED_FOR.toSeconds()));
            }
            return new Outcome("processed", topic);
        });
    }

    /** The body as a JSON object; 400 when it is not one. */
    JsonNode parse(byte[] body) {
        try {
            return Payloads.object(mapper.readTree(body));
        } catch (JsonProcessingException e) {
            throw ProblemMapper.fromJson(e);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "The body could not be read");
        }
    }

    /**
     * Runs a step that touches Redis. Redis being away, stalled or refusing for now becomes a 503
     * (the platform delivers again); a failure that would repeat on every delivery — a fault in
     * reading the body, or Redis refusing the command itself — is {@link Rejected}.
     */
    static <T> T storing(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException | Rejected e) {
            throw e;
        } catch (ArithmeticException | IllegalArgumentException | NullPointerException | ClassCastException
                | IndexOutOfBoundsException | UnsupportedOperationException | java.time.DateTimeException e) {
            throw new Rejected(e);
        } catch (RuntimeException e) {
            if (permanentRedisError(e)) {
                throw new Rejected(e);
            }
            NOT_STORED.warn("Webhook not stored, the platform will retry: %s", e);
            throw ProblemException.unavailable("Triad could not store this delivery; deliver it again later");
        }
    }

    /** Redis answered an error that is about the command, not about Redis being busy, loading or failing over. */
    private static boolean permanentRedisError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.redis.client.impl.types.ErrorType error) {
                return !StoreTrouble.transientReply(String.valueOf(error.getMessage()));
            }
        }
        return false;
    }

    /** A delivery that failed in a way no retry can mend. */
    static final class Rejected extends RuntimeException {
        Rejected(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
