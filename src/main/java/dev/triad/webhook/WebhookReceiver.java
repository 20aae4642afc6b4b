package dev.triad.webhook;

import java.io.IOException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.problem.ProblemException;
import dev.triad.problem.ProblemMapper;
import dev.triad.problem.ThrottledLog;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopName;
import dev.triad.shop.ShopStore;
import dev.triad.store.Keys;
import dev.triad.store.RedisBatches;
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
        String id = ShopName.validate(name);
        Shop shop = storing(() -> shops.find(id).orElse(null));
        if (shop == null || !shop.platform().equals(platform)) {
            throw ProblemException.notFound("shop", "No " + platform + " shop named '" + id + "' is registered");
        }
        return shop;
    }

    /**
     * Applies {@code effect} to {@code body} unless the delivery {@code deliveryId} (null: none to
     * remember) was processed before.
     */
    Outcome deliver(Shop shop, String topic, String deliveryId, byte[] body, Effect effect) {
        JsonNode json = parse(body);
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

    private JsonNode parse(byte[] body) {
        try {
            return Payloads.object(mapper.readTree(body));
        } catch (JsonProcessingException e) {
            throw ProblemMapper.fromJson(e);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "The body could not be read");
        }
    }

    /** Runs a step that touches Redis; any failure that is not the caller's fault becomes a 503. */
    static <T> T storing(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            NOT_STORED.warn("Webhook not stored, the platform will retry: %s", e);
            throw ProblemException.unavailable("Triad could not store this delivery; deliver it again later");
        }
    }
}
