package dev.triad.base;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets kept at rest: AES-256-GCM, a fresh 96-bit nonce per value, the owner's name as associated data
 * (a value copied under another owner's key does not open). Written as {@code v1:<base64 nonce|ciphertext>}.
 */
public final class Sealed {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Sealed() {
    }

    /** {@code secret} sealed under {@code key} for {@code owner}. */
    public static String seal(SecretKeySpec key, String owner, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The secret {@code stored} holds for {@code owner}; IllegalStateException naming {@code what} when it does not open. */
    public static String open(SecretKeySpec key, String owner, String stored, String what) {
        if (!stored.startsWith("v1:")) {
            throw new IllegalStateException("The stored " + what + " of " + owner + " is in no known format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The stored " + what + " of " + owner + " does not decrypt under this key");
        }
    }
}
