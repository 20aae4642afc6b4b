package dev.triad.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generates, hashes and compares keys; every comparison of a secret is constant-time. */
public final class ApiKeys {

    private ApiKeys() {
    }

    public static String newPublishableKey() {
        return "pk_" + random();
    }

    /**
     * The publishable key of {@code shop} under the deployment's secret {@code secret}: the same
     * every time the shop is registered, so that a shop registered again after its record was lost
     * (an emptied Redis) keeps the key its storefront already carries. A publishable key is public
     * (it sits in every storefront page); deriving it reveals nothing that was secret.
     */
    public static String publishableKeyOf(byte[] secret, String shop) {
        byte[] digest = dev.triad.base.Signatures.hmacSha256(secret,
                ("triad publishable key\n" + shop).getBytes(StandardCharsets.UTF_8));
        return "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 24));
    }

    public static String newAdminKey() {
        return "ak_" + random();
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Constant-time equality; false when either side is null. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] bytes = new byte[24];
        // A fresh SecureRandom per key: keys are rare, and nothing seeded is baked into a native image.
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
