package dev.triad.shop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.TriadConfig;
import dev.triad.base.Signatures;
import dev.triad.problem.ProblemException;

/**
 * Registers shops: by the operator through the admin API, or by the shop itself when it installs the
 * Shopify app. A new shop gets an admin key (shown once, kept only as its hash) and a publishable key
 * derived from the deployment's secret and the shop's name, so a shop registered again after its
 * record was lost keeps the key its storefront carries.
 */
@ApplicationScoped
public class ShopRegistry {

    private final ShopStore shops;
    /** The secret publishable keys are derived under; null: none configured, keys are random. */
    private final byte[] keySecret;

    public ShopRegistry(ShopStore shops, TriadConfig config) {
        this.shops = shops;
        this.keySecret = config.privacy().hashKey().map(k -> k.getBytes(StandardCharsets.UTF_8))
                .or(() -> config.adminKey().filter(k -> !k.isBlank()).map(k -> Signatures.hmacSha256(
                        k.getBytes(StandardCharsets.UTF_8), "triad publishable keys".getBytes(StandardCharsets.UTF_8))))
                .orElse(null);
    }

    /** A shop just created, with its admin key in the clear (this once). */
    public record Created(Shop shop, String adminKey) {
    }

    /** Creates shop {@code id} as {@code request} describes it; null when it exists already (another request won). */
    public Created create(String id, ShopRequest request) {
        String adminKey = ApiKeys.newAdminKey();
        String publishableKey = keySecret == null ? ApiKeys.newPublishableKey() : ApiKeys.publishableKeyOf(keySecret, id);
        Shop created = request.toShop(id, null, publishableKey, ApiKeys.hash(adminKey));
        return shops.create(created) ? new Created(created, adminKey) : null;
    }

    /**
     * The Shopify shop {@code id} as an installation leaves it: created with {@code currency} when new,
     * enabled again when it had been uninstalled, under the store's {@code name}.
     */
    public Shop installed(String id, String currency, String name) {
        Shop existing = shops.find(id).orElse(null);
        if (existing == null) {
            create(id, new ShopRequest("shopify", currency, null, null, null)); // or another request created it
            return installed(id, currency, name);
        }
        Shop installed = existing.withEnabled(true).withName(name == null ? existing.name() : name);
        if (!installed.equals(existing)) {
            shops.save(installed);
        }
        return installed;
    }

    /**
     * The WooCommerce shop {@code id} as its plugin's connection leaves it: created when new; when it exists,
     * given a new admin key (the old one stops working: the plugin that connected last holds the only one),
     * the plugin's webhook secret and the site's origin, its settings kept. With {@code write} false only
     * checks that it could (400 naming the field, 409 a shop of another platform) and answers null.
     */
    public Created connected(String id, String currency, String origin, String webhookSecret, boolean write) {
        ShopRequest request = new ShopRequest("woocommerce", currency, webhookSecret, List.of(origin), null);
        Shop existing = shops.find(id).orElse(null);
        Shop checked = request.toShop(id, existing, "-", "-");
        if (existing != null && !"woocommerce".equals(existing.platform())) {
            throw new ProblemException(409, "shop-on-another-platform", "Shop on another platform",
                    "'" + id + "' is registered as a " + existing.platform() + " shop", "connectToken");
        }
        if (!write) {
            return null;
        }
        if (existing == null) {
            Created created = create(id, request);
            return created != null ? created : connected(id, currency, origin, webhookSecret, true);
        }
        List<String> origins = new ArrayList<>(existing.allowedOrigins());
        if (!origins.isEmpty() && !origins.contains(origin)) {
            origins.add(origin);
        }
        String adminKey = ApiKeys.newAdminKey();
        Shop rekeyed = new Shop(id, existing.platform(), checked.currency(), origins, existing.settings(),
                existing.publishableKey(), ApiKeys.hash(adminKey), checked.webhookSecret(), true, existing.name());
        shops.save(rekeyed);
        return new Created(rekeyed, adminKey);
    }
}
