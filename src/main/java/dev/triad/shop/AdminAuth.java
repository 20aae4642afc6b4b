package dev.triad.shop;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.TriadConfig;
import dev.triad.problem.ProblemException;

/**
 * Admin routes take {@code Authorization: Bearer <key>}: the operator key from configuration for
 * any shop, or the shop's own admin key (compared by hash) for that shop only.
 */
@ApplicationScoped
public class AdminAuth {

    private final TriadConfig config;

    public AdminAuth(TriadConfig config) {
        this.config = config;
    }

    /** Whether the header carries the operator key. */
    public boolean isOperator(String authorization) {
        String key = bearer(authorization);
        return config.adminKey().filter(k -> !k.isBlank()).map(k -> ApiKeys.same(k, key)).orElse(false);
    }

    /** Refuses unless the header carries the operator key or the admin key of {@code shop}. */
    public void require(String authorization, Shop shop) {
        if (isOperator(authorization)) {
            return;
        }
        String key = bearer(authorization);
        if (key == null) {
            throw ProblemException.unauthorized("Authorization", "An admin key is required: Authorization: Bearer <key>");
        }
        if (shop == null || !ApiKeys.same(ApiKeys.hash(key), shop.adminKeyHash())) {
            throw ProblemException.unauthorized("Authorization", "This key does not administer this shop");
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = authorization.substring(7).trim();
        return key.isEmpty() ? null : key;
    }
}
