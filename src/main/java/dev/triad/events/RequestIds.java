package dev.triad.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;

import jakarta.inject.Singleton;

import dev.triad.TriadConfig;
import dev.triad.base.Signatures;

/**
 * The {@code requestId} of an offer answer, signed so that events can count in a shop's statistics
 * only for answers Triad gave: the publishable key is public, so without this anyone could send
 * impressions and clicks by the thousand. An id is 36 hex digits: the second it was issued (8),
 * random (12), and the first 64 bits of an HMAC-SHA256 over the shop and both (16), under a key
 * derived from the deployment's {@link Visitors visitor key}. Minting one costs a single short HMAC on
 * the offer path and no Redis.
 */
@Singleton
public class RequestIds {

    private static final int SIGNED = 20;
    private static final int LENGTH = SIGNED + 16;

    private final ThreadLocal<Mac> macs;
    private final long validSeconds;

    public RequestIds(Visitors visitors, TriadConfig config) {
        byte[] key = visitors.derivedKey("triad request ids");
        this.validSeconds = config.events().requestIdValidFor().toSeconds();
        this.macs = Signatures.perThreadHmacSha256(key);
    }

    /** A fresh id for an answer to {@code shop} issued at {@code epochSecond}. */
    public String mint(String shop, long epochSecond) {
        HexFormat hex = HexFormat.of();
        String signed = hex.toHexDigits((int) epochSecond) + hex.toHexDigits(ThreadLocalRandom.current().nextLong())
                .substring(4);
        return signed + tag(shop, signed);
    }

    /** True when {@code id} was minted for {@code shop} by this deployment and is not older than its validity. */
    public boolean valid(String shop, String id, long nowSecond) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        String signed = id.substring(0, SIGNED);
        long issued;
        try {
            issued = Long.parseLong(signed, 0, 8, 16);
        } catch (NumberFormatException e) {
            return false;
        }
        long age = nowSecond - issued;
        return age >= -60 && age <= validSeconds && MessageDigest.isEqual(
                tag(shop, signed).getBytes(StandardCharsets.US_ASCII), id.substring(SIGNED).getBytes(StandardCharsets.US_ASCII));
    }

    /** How long an answer's events still count. */
    public long validSeconds() {
        return validSeconds;
    }

    private String tag(String shop, String signed) {
        Mac mac = macs.get();
        mac.update(shop.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        byte[] digest = mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
