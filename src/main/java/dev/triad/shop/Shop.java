package dev.triad.shop;

import java.util.List;

/**
 * A registered shop as stored in Redis. The admin key is kept only as a SHA-256 hash; the
 * publishable key is public by nature (it sits in the storefront's HTML) and kept as is.
 *
 * @param enabled false once the app is uninstalled: offers then return none
 * @param name    the store's name as its platform gives it (the Shopify app's install); null when not known
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
        boolean enabled,
        String name) {

    public Shop {
        allowedOrigins = List.copyOf(allowedOrigins == null ? List.of() : allowedOrigins);
        settings = settings == null ? ShopSettings.DEFAULTS : settings;
    }

    /** This shop, enabled or not (an app installed again, or uninstalled). */
    public Shop withEnabled(boolean value) {
        return new Shop(id, platform, currency, allowedOrigins, settings, publishableKey, adminKeyHash, webhookSecret,
                value, name);
    }

    /** This shop under the name its platform gives it. */
    public Shop withName(String value) {
        return new Shop(id, platform, currency, allowedOrigins, settings, publishableKey, adminKeyHash, webhookSecret,
                enabled, value);
    }

    /** Whether a browser on {@code origin} may call this shop's offers (no allowlist: any origin). */
    public boolean allowsOrigin(String origin) {
        return origin == null || allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
    }
}
