package dev.triad.wooplugin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.inject.Singleton;

import dev.triad.base.Signatures;
import dev.triad.events.Visitors;
import dev.triad.problem.ProblemException;

/**
 * Connect tokens: what the operator hands a WooCommerce merchant to paste into the plugin once.
 * {@code tc1.<base64url("<shop> <expiresAt> <nonce>")>.<base64url(HMAC-SHA256)>} under a key derived from the
 * deployment's secret: nothing is stored until one is used, and a token names the one shop it connects.
 */
@Singleton
public class ConnectTokens {

    static final Duration VALID_FOR = Duration.ofDays(7);
    private static final String PREFIX = "tc1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    /** Per instance, made at run time: a SecureRandom must never be built into a native image's heap. */
    private final SecureRandom random = new SecureRandom();

    public ConnectTokens(Visitors visitors) {
        this.key = visitors.derivedKey("triad connect tokens");
    }

    /** What a valid token grants: connecting {@code shop}, until {@code expiresAt} (epoch seconds). */
    public record Grant(String shop, long expiresAt, String digest) {
    }

    public String issue(String shop, long expiresAt) {
        byte[] nonce = new byte[9];
        random.nextBytes(nonce); // two tokens for one shop in one second are still two tokens, each usable once
        byte[] payload = (shop + " " + expiresAt + " " + B64.encodeToString(nonce)).getBytes(StandardCharsets.UTF_8);
        return PREFIX + B64.encodeToString(payload) + "." + B64.encodeToString(Signatures.hmacSha256(key, payload));
    }

    /** What {@code token} grants at {@code nowSeconds}: 403 when Triad did not issue it, 410 once expired. */
    public Grant verify(String token, long nowSeconds) {
        String[] parts = token == null || token.length() > 512 ? new String[0] : token.trim().split("\\.", -1);
        if (parts.length != 3 || !"tc1".equals(parts[0])) {
            throw invalid();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = Base64.getUrlDecoder().decode(parts[1]);
            mac = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(Signatures.hmacSha256(key, payload), mac)) {
            throw invalid();
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split(" ");
        long expiresAt = Long.parseLong(fields[1]);
        if (expiresAt <= nowSeconds) {
            throw new ProblemException(410, "connect-token-expired", "Connect token expired", "This connect token ended at "
                    + Instant.ofEpochSecond(expiresAt) + "; ask for a new one", "connectToken");
        }
        return new Grant(fields[0], expiresAt, B64.encodeToString(mac).substring(0, 22));
    }

    private static ProblemException invalid() {
        return new ProblemException(403, "connect-token-invalid", "Connect token not valid",
                "'connectToken' is not a connect token this Triad issued", "connectToken");
    }
}
