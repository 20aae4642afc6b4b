package dev.triad.shopifyapp;

import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.triad.TriadConfig;
import dev.triad.base.Sealed;
import dev.triad.problem.ProblemException;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Shops' Admin API access tokens, encrypted at rest: AES-256-GCM under {@code triad.shopify.token-key},
 * a fresh 96-bit nonce per write, the shop's name as associated data (a value copied to another shop's
 * key does not decrypt). Stored as {@code v1:<base64 nonce|ciphertext>}; never logged.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class);

    private final RedisBatches redis;
    private final SecretKeySpec key;

    public AccessTokens(RedisBatches redis, TriadConfig config) {
        this.redis = redis;
        this.key = config.shopify().tokenKey().map(AccessTokens::key).orElse(null);
    }

    private static SecretKeySpec key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TRIAD_SHOPIFY_TOKEN_KEY is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("TRIAD_SHOPIFY_TOKEN_KEY must be 32 bytes (256 bits) in base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Keeps {@code token} for {@code shop}, encrypted. */
    public void store(String shop, String token) {
        redis.send(Request.cmd(Command.SET).arg(Keys.shopifyToken(shop)).arg(encrypt(shop, token)));
    }

    /**
     * The shop's access token, or null when it has none — or has one that no longer decrypts (the key was
     * changed): then opening the app exchanges a new one, instead of every call failing.
     */
    public String find(String shop) {
        Response stored = redis.send(Request.cmd(Command.GET).arg(Keys.shopifyToken(shop)));
        if (stored == null) {
            return null;
        }
        try {
            return decrypt(shop, stored.toString());
        } catch (IllegalStateException e) {
            LOG.warnf("%s; it will be exchanged again when the store opens the app", e.getMessage());
            return null;
        }
    }

    /** Forgets the shop's token (Shopify no longer accepts it: the next opening of the app exchanges a new one). */
    public void erase(String shop) {
        redis.send(Request.cmd(Command.UNLINK).arg(Keys.shopifyToken(shop)));
    }

    String encrypt(String shop, String token) {
        return Sealed.seal(required(), shop, token);
    }

    String decrypt(String shop, String stored) {
        return Sealed.open(required(), shop, stored, "access token");
    }

    private SecretKeySpec required() {
        if (key == null) {
            throw ProblemException.unavailable("TRIAD_SHOPIFY_TOKEN_KEY is not set: access tokens cannot be kept");
        }
        return key;
    }
}
