package dev.triad.shopifyapp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.triad.TriadConfig;
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

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

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
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, required(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(shop.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    String decrypt(String shop, String stored) {
        if (!stored.startsWith("v1:")) {
            throw new IllegalStateException("The stored access token of " + shop + " is in no known format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, required(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(shop.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The stored access token of " + shop + " does not decrypt under this key");
        }
    }

    private SecretKeySpec required() {
        if (key == null) {
            throw ProblemException.unavailable("TRIAD_SHOPIFY_TOKEN_KEY is not set: access tokens cannot be kept");
        }
        return key;
    }
}
