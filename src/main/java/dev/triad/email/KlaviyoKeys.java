package dev.triad.email;

import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.triad.base.Sealed;
import dev.triad.events.Visitors;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Shops' Klaviyo private API keys, sealed at rest ({@link Sealed}) under a key derived from the deployment's
 * secret, the shop's name as associated data; never logged, never shown again (only their last four characters).
 */
@ApplicationScoped
public class KlaviyoKeys {

    private static final Logger LOG = Logger.getLogger(KlaviyoKeys.class);

    private final RedisBatches redis;
    private final SecretKeySpec key;

    public KlaviyoKeys(RedisBatches redis, Visitors visitors) {
        this.redis = redis;
        this.key = new SecretKeySpec(visitors.derivedKey("triad klaviyo keys"), "AES");
    }

    public void store(String shop, String privateKey) {
        redis.send(Request.cmd(Command.SET).arg(Keys.klaviyoKey(shop)).arg(Sealed.seal(key, shop, privateKey)));
    }

    /** The shop's key; null when it has none, or one that no longer opens (the deployment's secret changed). */
    public String find(String shop) {
        Response stored = redis.send(Request.cmd(Command.GET).arg(Keys.klaviyoKey(shop)));
        if (stored == null) {
            return null;
        }
        try {
            return Sealed.open(key, shop, stored.toString(), "Klaviyo key");
        } catch (IllegalStateException e) {
            LOG.warnf("%s; the shop must enter it again", e.getMessage());
            return null;
        }
    }

    public void erase(String shop) {
        redis.send(Request.cmd(Command.UNLINK).arg(Keys.klaviyoKey(shop)));
    }

    /** True the first time it is asked for {@code orderId} of {@code shop} (within 30 days): its event is this caller's. */
    public boolean firstFor(String shop, String orderId) {
        return redis.send(Request.cmd(Command.SET).arg(Keys.klaviyoSent(shop, orderId)).arg("1").arg("NX").arg("EX")
                .arg(30L * 24 * 3600)) != null;
    }
}
