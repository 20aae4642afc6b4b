package dev.triad.shopifyapp;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import dev.triad.shop.Shop;
import dev.triad.shop.ShopRegistry;
import dev.triad.shop.ShopStore;

/**
 * {@code POST /shopify/v1/install} — what the embedded admin page calls with its App Bridge session token
 * ({@code Authorization: Bearer <token>}): Shopify-managed installation has already granted the scopes
 * of {@code shopify.app.toml}, so this exchanges the token for an offline access token, keeps it
 * encrypted, registers the shop with the currency the Admin API gives (or enables it again after an
 * uninstall) and starts the first sync of its catalog and orders ({@link ShopifySync}). Called again on an installed shop it changes nothing and asks Shopify nothing. 200 with
 * the shop and its publishable key; 401 a session token that is forged, expired, for another app or
 * names no shop (nothing written); 503 Shopify or Redis unreachable, or the app not configured.
 */
@Path("/shopify/v1/install")
public class InstallResource {

    private static final Logger LOG = Logger.getLogger(InstallResource.class);

    private final SessionTokens sessionTokens;
    private final ShopifyAdmin admin;
    private final AccessTokens accessTokens;
    private final ShopRegistry registry;
    private final ShopStore shops;
    private final ShopifySync sync;

    public InstallResource(SessionTokens sessionTokens, ShopifyAdmin admin, AccessTokens accessTokens,
            ShopRegistry registry, ShopStore shops, ShopifySync sync) {
        this.sync = sync;
        this.sessionTokens = sessionTokens;
        this.admin = admin;
        this.accessTokens = accessTokens;
        this.registry = registry;
        this.shops = shops;
    }

    /** What the embedded page shows: the shop, its currency, the key its storefront uses. */
    public record Installation(String shop, String currency, String publishableKey, boolean newlyInstalled) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Installation install(@HeaderParam("Authorization") String authorization) {
        String shop = sessionTokens.shopOf(authorization);
        Shop existing = shops.find(shop).orElse(null);
        if (existing != null && existing.enabled() && accessTokens.find(shop) != null) {
            sync.resumeIfBrokenOff(shop);
            return new Installation(shop, existing.currency(), existing.publishableKey(), false);
        }
        String sessionToken = authorization.substring("Bearer ".length()).trim();
        ShopifyAdmin.AccessToken access = admin.exchange(shop, sessionToken);
        ShopifyAdmin.ShopInfo info = admin.shop(shop, access.token());
        accessTokens.store(shop, access.token());
        shops.markShopifyInstalled(shop, true);
        Shop installed = registry.installed(shop, info.currency(), info.name());
        LOG.infof("Installed the Shopify app on %s (%s, scopes %s)", shop, info.currency(), access.scope());
        sync.start(shop, access.scope());
        return new Installation(shop, installed.currency(), installed.publishableKey(), true);
    }
}
