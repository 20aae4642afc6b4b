package dev.triad.shop;

import java.util.List;

/**
 * A registered shop as stored in Redis. The admin key is kept only as a SHA-256 hash; the
 * publishable key is public by nature (it sits in the storefront's HTML) and kept as is.
 *
 * @param enabled false once the app is uninstalled: offers then return none
 */
public record Shop(
        String id,
        String platform,
        String currency,
        List<String> allowedOrigins,
        ShopSettings settings,
        String publishableKey,
        String adminKeyHash,
        String webhookSecret,
        boolean enabled) {

    public Shop {
        allowedOrigins = List.copyOf(allowedOrigins == null ? List.of() : allowedOrigins);
        settings = settings == null ? ShopSettings.DEFAULTS : settings;
    }

    /** Whether a browser on {@code origin} may call this shop's offers (no allowlist: any origin). */
    public boolean allowsOrigin(String origin) {
        return origin == null || allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
    }
}
