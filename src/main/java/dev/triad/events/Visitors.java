package dev.triad.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.triad.TriadConfig;
import dev.triad.base.Signatures;

/**
 * Session and customer ids never reach Redis as they are: they are replaced by a keyed hash
 * (HMAC-SHA256 under {@code triad.privacy.hash-key}, cut to 128 bits), so a copy of the data does not
 * name anyone, and a privacy request can still find what it names.
 */
@Singleton
public class Visitors {

    private static final Logger LOG = Logger.getLogger(Visitors.class);

    private final ThreadLocal<Mac> macs;
    private final byte[] key;

    public Visitors(TriadConfig config) {
        byte[] key = deploymentKey(config);
        this.key = key;
        this.macs = Signatures.perThreadHmacSha256(key);
    }

    /** The stored stand-in for a session id; null for null. */
    public String session(String shop, String sessionId) {
        return sessionId == null ? null : hash(shop, 's', sessionId);
    }

    /** The stored stand-in for a customer id; null for null. */
    public String customer(String shop, String customerId) {
        return customerId == null ? null : hash(shop, 'c', customerId);
    }

    private String hash(String shop, char kind, String id) {
        Mac mac = macs.get();
        mac.update(shop.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        mac.update((byte) kind);
        mac.update((byte) ':');
        byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
        return kind + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
    }

    /** A key for {@code purpose} derived from this deployment's secret: the same on every instance. */
    public byte[] derivedKey(String purpose) {
        return Signatures.hmacSha256(key, purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] deploymentKey(TriadConfig config) {
        if (config.privacy().hashKey().isPresent()) {
            return config.privacy().hashKey().get().getBytes(StandardCharsets.UTF_8);
        }
        if (config.adminKey().isPresent()) {
            return Signatures.hmacSha256(config.adminKey().get().getBytes(StandardCharsets.UTF_8),
                    "triad visitor ids".getBytes(StandardCharsets.UTF_8));
        }
        LOG.warn("Neither TRIAD_HASH_KEY nor TRIAD_ADMIN_KEY is set: session and customer ids are hashed with a "
                + "built-in key, fine for a local run only");
        return "triad-local-visitor-key".getBytes(StandardCharsets.UTF_8);
    }
}
