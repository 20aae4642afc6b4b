package dev.triad.offer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.triad.events.Visitors;
import dev.triad.problem.ProblemException;

/**
 * Signed, expiring offer tokens: what an offer with a discount (a bundle, a limited-time add-on) hands
 * the shopper, so that the platform charges exactly what the offer showed, until it expires and not
 * after. Minted on the offer path from what the answer already holds: one HMAC-SHA256, no Redis.
 *
 * <p>A token is {@code base64url(payload) "." base64url(HMAC-SHA256(shopKey, payload))}; the payload is
 * text, fields separated by single spaces (ids never hold one, {@code base.Ids}):
 * {@code 1 <kind> <expiresAt> <currency> <saving> <n> (<productId> <+variantId|-> <price>){n}}. Each shop
 * signs under a key of its own derived from the deployment's secret ({@link #shopKey}), so a token of one
 * shop is worthless at another and a shop's key can be handed to the shop's own plugin to verify there.
 */
@Singleton
public class OfferTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String VERSION = "1";
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final byte[] root;
    private final Map<String, SecretKeySpec> shopKeys = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(OfferTokens::newMac);

    @Inject
    public OfferTokens(Visitors visitors) {
        this(visitors.derivedKey("triad offer tokens"));
    }

    private OfferTokens(byte[] root) {
        this.root = root.clone();
    }

    /** Tokens under {@code root} instead of the deployment's secret: the test vectors other platforms check against. */
    public static OfferTokens underRoot(byte[] root) {
        return new OfferTokens(root);
    }

    /** The token of {@code offer}. */
    public String mint(OfferToken offer) {
        StringBuilder payload = new StringBuilder(64 + 48 * offer.lines().size());
        payload.append(VERSION).append(' ').append(offer.kind()).append(' ').append(offer.expiresAt()).append(' ')
                .append(offer.currency()).append(' ').append(offer.saving().toPlainString()).append(' ')
                .append(offer.lines().size());
        for (OfferToken.Line line : offer.lines()) {
            payload.append(' ').append(line.productId()).append(' ')
                    .append(line.variantId() == null ? "-" : "+" + line.variantId()).append(' ')
                    .append(line.price().toPlainString());
        }
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(mac(offer.shop(), body));
    }

    /**
     * What {@code token} grants at {@code shop} at {@code nowSeconds}: 403 {@code offer-token-invalid} when it
     * was not signed for this shop by this deployment (altered, made up, another shop's), 410
     * {@code offer-expired} once it has expired.
     */
    public OfferToken verify(String shop, String token, long nowSeconds) {
        OfferToken offer = signed(shop, token);
        if (offer.expiresAt() <= nowSeconds) {
            throw new ProblemException(410, "offer-expired", "Offer expired", "This offer ended at "
                    + Instant.ofEpochSecond(offer.expiresAt()) + "; its discount is no longer given", "token");
        }
        return offer;
    }

    /** What {@code token} says, when this deployment signed it for {@code shop}, expired or not; 403 otherwise. */
    public OfferToken signed(String shop, String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 4096) {
            throw invalid();
        }
        byte[] body;
        byte[] given;
        try {
            body = Base64.getUrlDecoder().decode(token.substring(0, dot));
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(shop, body), given)) {
            throw invalid();
        }
        return parse(shop, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * The discount code a claim of {@code token} creates at {@code shop}: {@code TRIAD-} and 16 characters of
     * a keyed hash of the token, so that nobody can guess one, and claiming the same offer twice names the
     * same code (Shopify then refuses a second code of that name, and the first stands).
     */
    public String claimCode(String shop, String token) {
        byte[] digest = mac(shop, ("claim code\n" + token).getBytes(StandardCharsets.UTF_8));
        StringBuilder code = new StringBuilder("TRIAD-");
        for (int i = 0; i < 16; i++) {
            code.append(BASE32[digest[i] & 31]);
        }
        return code.toString();
    }

    /** The key {@code shop}'s tokens are signed with (for a plugin that verifies them in the shop's own server). */
    public byte[] shopKey(String shop) {
        return keyOf(shop).getEncoded();
    }

    private SecretKeySpec keyOf(String shop) {
        return shopKeys.computeIfAbsent(shop, s -> {
            Mac mac = newMac();
            try {
                mac.init(new SecretKeySpec(root, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return new SecretKeySpec(mac.doFinal(("shop\n" + s).getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        });
    }

    private byte[] mac(String shop, byte[] body) {
        Mac mac = macs.get();
        try {
            mac.init(keyOf(shop));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(body);
    }

    private static OfferToken parse(String shop, String payload) {
        String[] f = payload.split(" ", -1);
        try {
            if (f.length < 6 || !VERSION.equals(f[0])) {
                throw invalid();
            }
            int n = Integer.parseInt(f[5]);
            if (n < 1 || f.length != 6 + 3 * n) {
                throw invalid();
            }
            List<OfferToken.Line> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String variant = f[7 + 3 * i];
                lines.add(new OfferToken.Line(f[6 + 3 * i], variant.startsWith("+") ? variant.substring(1) : null,
                        new BigDecimal(f[8 + 3 * i])));
            }
            return new OfferToken(shop, f[1], Long.parseLong(f[2]), f[3], new BigDecimal(f[4]), lines);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(403, "offer-token-invalid", "Offer token not valid",
                "'token' is not an offer of this shop as Triad made it", "token");
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
