package dev.triad.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Feed keys: the secret part of a shop's feed address (Klaviyo fetches feeds without credentials of their own).
 * 32 random characters shown once; Triad keeps their SHA-256 and compares in constant time. A new key revokes the
 * old one; revoking leaves the shop without a feed.
 */
@ApplicationScoped
public class FeedKeys {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final RedisBatches redis;
    /** Per instance, made at run time: a SecureRandom must never be built into a native image's heap. */
    private final SecureRandom random = new SecureRandom();

    public FeedKeys(RedisBatches redis) {
        this.redis = redis;
    }

    /** A new key for {@code shop} (the old one stops working). */
    public String issue(String shop) {
        StringBuilder key = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            key.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        redis.send(Request.cmd(Command.SET).arg(Keys.feedKey(shop)).arg(hash(key.toString())));
        return key.toString();
    }

    public void revoke(String shop) {
        redis.send(Request.cmd(Command.UNLINK).arg(Keys.feedKey(shop)));
    }

    public boolean matches(String shop, String given) {
        Response stored = redis.send(Request.cmd(Command.GET).arg(Keys.feedKey(shop)));
        return stored != null && given != null && given.length() == 32 && MessageDigest.isEqual(
                stored.toString().getBytes(StandardCharsets.US_ASCII), hash(given).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
