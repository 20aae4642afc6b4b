package dev.triad.shopifyapp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.TriadConfig;
import dev.triad.base.Signatures;
import dev.triad.problem.ProblemException;

/**
 * App Bridge session tokens: a JWT signed HS256 with the app's client secret, whose {@code aud} is the
 * app's client id, {@code dest} the shop ({@code https://<shop>.myshopify.com}), {@code iss} the shop's
 * admin, and {@code exp}/{@code nbf} a minute apart (shopify.dev, "Session tokens"; the same checks as
 * {@code decodeSessionToken} of {@code @shopify/shopify-api}). Anything else is 401.
 */
@ApplicationScoped
public class SessionTokens {

    private final TriadConfig.Shopify config;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public SessionTokens(TriadConfig config, ObjectMapper mapper) {
        this.config = config.shopify();
        this.mapper = mapper;
    }

    /** The shop ({@code acme.myshopify.com}) of a valid token in {@code Authorization: Bearer <token>}. */
    public String shopOf(String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        return shopOfToken(token);
    }

    /** The shop of a valid session token; 401 naming what is wrong otherwise. */
    public String shopOfToken(String token) {
        JsonNode claims = verified(token);
        String shop = host(claims.path("dest").asText(null));
        String issuer = host(claims.path("iss").asText(null));
        if (shop == null || !shop.endsWith(".myshopify.com") || !shop.equals(issuer)) {
            throw refused("does not name one shop in 'dest' and 'iss'");
        }
        return shop;
    }

    /** Whom a Checkout UI extension asks for: its shop, and the customer when the buyer is logged in (else null). */
    public record CheckoutSession(String shop, String customerId) {
    }

    /**
     * The shop and customer of a Checkout UI extension's session token ({@code shopify.sessionToken.get()},
     * shopify.dev "Session Token API" of checkout-ui-extensions): signed and timed as an App Bridge token, for
     * this app ({@code aud}), {@code dest} the shop's myshopify domain (with or without {@code https://}),
     * no {@code iss}; {@code sub}, when present, the customer's gid. 401 naming what is wrong otherwise.
     */
    public CheckoutSession checkoutSessionOf(String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        JsonNode claims = verified(token);
        String dest = claims.path("dest").asText("");
        String shop = dest.contains("://") ? host(dest) : dest;
        if (shop == null || !shop.endsWith(".myshopify.com") || shop.length() <= ".myshopify.com".length()) {
            throw refused("does not name a shop in 'dest'");
        }
        String sub = claims.path("sub").asText("");
        String prefix = "gid://shopify/Customer/";
        return new CheckoutSession(shop, sub.startsWith(prefix) ? sub.substring(prefix.length()) : null);
    }

    /** The claims of a token signed HS256 with the app's secret, for this app, within its time; 401 otherwise. */
    private JsonNode verified(String token) {
        String secret = config.apiSecret().orElse(null);
        String clientId = config.apiKey().orElse(null);
        if (secret == null || clientId == null) {
            throw ProblemException.unavailable("The Shopify app is not configured (TRIAD_SHOPIFY_API_KEY, TRIAD_SHOPIFY_API_SECRET)");
        }
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw refused("is not a session token");
        }
        JsonNode header = json(parts[0]);
        if (!"HS256".equals(header.path("alg").asText())) {
            throw refused("is not signed HS256");
        }
        byte[] expected = Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw refused("has an unreadable signature");
        }
        if (!java.security.MessageDigest.isEqual(expected, given)) {
            throw refused("is not signed with the app's secret");
        }
        JsonNode claims = json(parts[1]);
        long now = clock.instant().getEpochSecond();
        long skew = config.sessionTokenSkew().toSeconds();
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() < now - skew) {
            throw refused("has expired");
        }
        if (claims.path("nbf").canConvertToLong() && claims.path("nbf").asLong() > now + skew) {
            throw refused("is not valid yet");
        }
        if (!clientId.equals(audience(claims.path("aud")))) {
            throw refused("is for another app");
        }
        return claims;
    }

    private static String audience(JsonNode aud) {
        return aud.isArray() && aud.size() == 1 ? aud.get(0).asText() : aud.asText(null);
    }

    private JsonNode json(String part) {
        try {
            JsonNode node = mapper.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw refused("is not a session token");
            }
            return node;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw refused("is not a session token");
        }
    }

    private static String host(String url) {
        try {
            return url == null ? null : URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ProblemException refused(String why) {
        return ProblemException.unauthorized("Authorization", "The session token " + why);
    }
}
