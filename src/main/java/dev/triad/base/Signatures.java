package dev.triad.base;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures as Shopify and WooCommerce send them, compared in constant time.
 * Nothing here ever logs or returns a secret.
 */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * An HMAC-SHA256 under {@code key} for each thread that asks (a {@link Mac} is not thread-safe, and
     * making one per call costs more than the hash of a short id): for the hashes made per request.
     */
    public static ThreadLocal<Mac> perThreadHmacSha256(byte[] key) {
        byte[] copy = key.clone();
        return ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(copy, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    /** Whether {@code header} is the base64 HMAC-SHA256 of {@code body} under {@code secret} (webhooks). */
    public static boolean base64Matches(String secret, byte[] body, String header) {
        if (secret == null || secret.isEmpty() || header == null) {
            return false;
        }
        byte[] expected = hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /** Whether {@code signature} is the hex HMAC-SHA256 of {@code message} under {@code secret} (App Proxy). */
    public static boolean hexMatches(String secret, String message, String signature) {
        if (secret == null || secret.isEmpty() || signature == null) {
            return false;
        }
        byte[] expected = hmacSha256(secret.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8));
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }
}
