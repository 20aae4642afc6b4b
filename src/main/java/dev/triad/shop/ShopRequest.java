package dev.triad.shop;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import dev.triad.base.Money;
import dev.triad.problem.ProblemException;

/** The body of {@code PUT /admin/v1/shops/{shop}}; every field but {@code platform} is optional. */
public record ShopRequest(
        String platform,
        String currency,
        String webhookSecret,
        List<String> allowedOrigins,
        Settings settings) {

    static final Set<String> PLATFORMS = Set.of("shopify", "woocommerce");

    /** Settings as sent; omitted ones take their defaults. */
    public record Settings(Integer stepBandPercent, Integer bundleDiscountPercent, String freeShippingThreshold,
            Integer holdoutPercent, List<String> tierOptions, List<String> nonTierOptions, List<String> neverOffer,
            Integer ownedWindowDays, Integer limitedTimeMinutes, Integer limitedTimePercent) {
    }

    static final int MAX_OPTION_NAMES = 20;
    static final int MAX_NEVER_OFFER = 50;

    /** The shop this request describes, keeping the keys (and webhook secret, unless replaced) of {@code existing}. */
    Shop toShop(String id, Shop existing, String publishableKey, String adminKeyHash) {
        if (platform == null || !PLATFORMS.contains(platform)) {
            throw ProblemException.invalid("platform", "'platform' must be \"shopify\" or \"woocommerce\"");
        }
        String code = currency == null ? "USD" : currency;
        try {
            if (!code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException(code);
            }
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("currency", "'currency' must be an ISO 4217 code such as \"USD\"");
        }
        List<String> origins = allowedOrigins == null ? List.of() : allowedOrigins;
        for (int i = 0; i < origins.size(); i++) {
            origin("allowedOrigins[" + i + "]", origins.get(i));
        }
        String secret = webhookSecret != null ? webhookSecret : existing == null ? null : existing.webhookSecret();
        if (secret != null && (secret.length() < 8 || secret.length() > 256)) {
            throw ProblemException.invalid("webhookSecret", "'webhookSecret' must be 8 to 256 characters");
        }
        return new Shop(id, platform, code, origins, validSettings(), publishableKey, adminKeyHash, secret, true,
                existing == null ? null : existing.name());
    }

    private ShopSettings validSettings() {
        Settings s = settings == null ? new Settings(null, null, null, null, null, null, null, null, null, null) : settings;
        ShopSettings d = ShopSettings.DEFAULTS;
        BigDecimal threshold = s.freeShippingThreshold() == null ? null
                : Money.parse("settings.freeShippingThreshold", s.freeShippingThreshold());
        return new ShopSettings(
                bounded("settings.stepBandPercent", s.stepBandPercent(), d.stepBandPercent(), 1, 500),
                bounded("settings.bundleDiscountPercent", s.bundleDiscountPercent(), d.bundleDiscountPercent(), 0, 90),
                threshold,
                bounded("settings.holdoutPercent", s.holdoutPercent(), d.holdoutPercent(), 0, 50),
                names("settings.tierOptions", s.tierOptions(), MAX_OPTION_NAMES),
                names("settings.nonTierOptions", s.nonTierOptions(), MAX_OPTION_NAMES),
                names("settings.neverOffer", s.neverOffer(), MAX_NEVER_OFFER),
                bounded("settings.ownedWindowDays", s.ownedWindowDays(), d.ownedWindowDays(), 0, 730),
                limitedTimeMinutes(s.limitedTimeMinutes()),
                bounded("settings.limitedTimePercent", s.limitedTimePercent(), d.limitedTimePercent(), 1, 50));
    }

    private static int limitedTimeMinutes(Integer minutes) {
        if (minutes != null && minutes != 0 && (minutes < 5 || minutes > 120)) {
            throw ProblemException.invalid("settings.limitedTimeMinutes",
                    "'settings.limitedTimeMinutes' must be 0 (off) or from 5 to 120");
        }
        return minutes == null ? 0 : minutes;
    }

    private static List<String> names(String field, List<String> names, int most) {
        if (names == null) {
            return List.of();
        }
        if (names.size() > most) {
            throw ProblemException.invalid(field, "'" + field + "' holds at most " + most + " names");
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank() || name.length() > 100) {
                throw ProblemException.invalid(field + "[" + i + "]", "'" + field + "[" + i
                        + "]' must be a name of 1 to 100 characters");
            }
        }
        return List.copyOf(names);
    }

    private static int bounded(String field, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw ProblemException.invalid(field, "'" + field + "' must be from " + min + " to " + max);
        }
        return value;
    }

    private static void origin(String field, String origin) {
        try {
            URI uri = origin == null ? null : new URI(origin);
            boolean valid = uri != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getQuery() == null;
            if (!valid) {
                throw new IllegalArgumentException(origin);
            }
        } catch (Exception e) {
            throw ProblemException.invalid(field, "'" + field + "' must be an origin such as \"https://shop.example\"");
        }
    }
}
