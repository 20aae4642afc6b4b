package dev.triad.wooplugin;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import dev.triad.email.EmailLinks;
import dev.triad.offer.OfferTokens;
import dev.triad.problem.ProblemException;
import dev.triad.shop.ShopRegistry;
import dev.triad.shop.ShopStore;

/**
 * {@code POST /connect/v1/woocommerce} — connecting the WooCommerce plugin in one step. The operator hands
 * the merchant a connect token ({@link ConnectTokenResource}); the plugin sends it once with its site's URL, currency and the webhook
 * secret it generated, and gets the shop's keys and the key its offer tokens are signed with. A wrong,
 * expired or used token, or a bad field, writes nothing.
 */
@Path("/connect/v1/woocommerce")
public class ConnectResource {

    private static final Logger LOG = Logger.getLogger(ConnectResource.class);

    private final ConnectTokens tokens;
    private final ShopRegistry registry;
    private final ShopStore shops;
    private final OfferTokens offerTokens;
    private final EmailLinks emailLinks;

    public ConnectResource(ConnectTokens tokens, ShopRegistry registry, ShopStore shops, OfferTokens offerTokens,
            EmailLinks emailLinks) {
        this.tokens = tokens;
        this.registry = registry;
        this.shops = shops;
        this.offerTokens = offerTokens;
        this.emailLinks = emailLinks;
    }

    /** The plugin's side of the handshake. */
    public record ConnectRequest(String connectToken, String siteUrl, String currency, String webhookSecret) {
    }

    /**
     * What the plugin keeps: {@code adminKey} for the imports (shown this once), {@code publishableKey} for the
     * storefront, {@code offerKey} (base64) to verify offer tokens, {@code emailKey} to sign the offer cards of
     * its e-mails ({@link EmailLinks}), and where its webhooks deliver.
     */
    public record Connected(String shop, String publishableKey, String adminKey, String offerKey, String emailKey,
            String webhookPath) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Connected connect(ConnectRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "The body must be a JSON object");
        }
        long now = Instant.now().getEpochSecond();
        ConnectTokens.Grant grant = tokens.verify(request.connectToken(), now);
        String origin = originOf(request.siteUrl());
        if (request.webhookSecret() == null || request.webhookSecret().length() < 16
                || request.webhookSecret().length() > 256) {
            throw ProblemException.invalid("webhookSecret", "'webhookSecret' must be 16 to 256 characters");
        }
        if (request.currency() == null) {
            throw ProblemException.invalid("currency", "'currency' is the store's currency, such as \"EUR\"");
        }
        registry.connected(grant.shop(), request.currency(), origin, request.webhookSecret(), false);
        if (!shops.useConnectToken(grant.shop(), grant.digest(), grant.expiresAt() - now)) {
            throw new ProblemException(409, "connect-token-used", "Connect token used",
                    "This connect token has connected a store already; ask for a new one", "connectToken");
        }
        ShopRegistry.Created connected = registry.connected(grant.shop(), request.currency(), origin,
                request.webhookSecret(), true);
        LOG.infof("Connected WooCommerce shop %s from %s", grant.shop(), origin);
        return new Connected(grant.shop(), connected.shop().publishableKey(), connected.adminKey(),
                Base64.getEncoder().encodeToString(offerTokens.shopKey(grant.shop())), emailLinks.secret(grant.shop()),
                "/webhooks/woocommerce/" + grant.shop());
    }

    private static String originOf(String siteUrl) {
        try {
            URI uri = new URI(siteUrl);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(siteUrl);
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (Exception e) {
            throw ProblemException.invalid("siteUrl", "'siteUrl' must be the store's address, such as \"https://shop.example\"");
        }
    }
}
