package dev.triad.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import jakarta.inject.Singleton;

import dev.triad.base.Signatures;
import dev.triad.events.Visitors;

/**
 * The signatures of e-mailed offer links, made where the e-mail is rendered (Shopify's notification Liquid:
 * {@code {{ message | hmac_sha256: secret }}}, hex; the WooCommerce plugin's {@code hash_hmac}) and checked here.
 * Each shop has its own secret, derived from the deployment's: one shop's links say nothing about another's.
 * The message is {@code "<shop> <ref> <productIds, comma-separated> <slot>"}: nobody can ask for the offers of
 * another order, other products or another shop.
 */
@Singleton
public class EmailLinks {

    private final byte[] root;

    public EmailLinks(Visitors visitors) {
        this.root = visitors.derivedKey("triad email links");
    }

    /** The shop's secret, as the snippet carries it (64 hex characters). */
    public String secret(String shop) {
        return HexFormat.of().formatHex(Signatures.hmacSha256(root, shop.getBytes(StandardCharsets.UTF_8)));
    }

    public String sign(String shop, String ref, String productIds, int slot) {
        return HexFormat.of().formatHex(Signatures.hmacSha256(secret(shop).getBytes(StandardCharsets.UTF_8),
                message(shop, ref, productIds, slot).getBytes(StandardCharsets.UTF_8)));
    }

    public boolean valid(String shop, String ref, String productIds, int slot, String signature) {
        return signature != null && signature.length() == 64 && MessageDigest.isEqual(
                sign(shop, ref, productIds, slot).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String message(String shop, String ref, String productIds, int slot) {
        return shop + " " + ref + " " + productIds + " " + slot;
    }
}
