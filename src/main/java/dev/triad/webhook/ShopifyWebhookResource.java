package dev.triad.webhook;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.triad.TriadConfig;
import dev.triad.base.Signatures;
import dev.triad.catalog.ProductFacts;
import dev.triad.privacy.PrivacyService;
import dev.triad.problem.ProblemException;
import dev.triad.shop.Shop;
import dev.triad.shopifyapp.ShopifySync;
import dev.triad.shop.ShopName;

/**
 * {@code POST /webhooks/shopify} — the Shopify app's webhooks. The body's HMAC
 * ({@code X-Shopify-Hmac-Sha256}, key {@code TRIAD_SHOPIFY_API_SECRET}) is checked before anything
 * is parsed. Only the body is signed, so the headers are trusted no further than the body bears them
 * out: the body must have the shape of {@code X-Shopify-Topic}'s bodies, a shop it names must be
 * {@code X-Shopify-Shop-Domain}, and the Shopify-wide id it carries must not be another shop's
 * ({@link ShopifyTopic}, {@link ShopifyOwners}). A delivery is recognised again by its topic and
 * signature, never by the unsigned event id. 200 with what was done ({@code processed},
 * {@code duplicate}, {@code ignored} for a topic Triad does not use, {@code nothing-held} for a
 * privacy topic of a shop Triad does not hold, {@code rejected} for a body Triad can never
 * process), 400 body of the wrong shape, 401 bad signature, 403 body of another shop, 404 unknown
 * shop, 503 Redis unreachable (Shopify retries).
 */
@Path("/webhooks/shopify")
public class ShopifyWebhookResource {

    private static final Logger LOG = Logger.getLogger(ShopifyWebhookResource.class);

    private final WebhookReceiver receiver;
    private final ShopifyOwners owners;
    private final StoreSync sync;
    private final PrivacyService privacy;
    private final ShopifyInventory inventory;
    private final ShopifySync shopifySync;
    private final TriadConfig.Shopify config;

    public ShopifyWebhookResource(WebhookReceiver receiver, ShopifyOwners owners, StoreSync sync,
            PrivacyService privacy, ShopifyInventory inventory, ShopifySync shopifySync, TriadConfig config) {
        this.shopifySync = shopifySync;
        this.inventory = inventory;
        this.receiver = receiver;
        this.owners = owners;
        this.sync = sync;
        this.privacy = privacy;
        this.config = config.shopify();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public WebhookReceiver.Outcome receive(@HeaderParam("X-Shopify-Hmac-Sha256") String webhooksHmac,
            @HeaderParam("X-Shopify-Topic") String webhooksTopic, @HeaderParam("X-Shopify-Shop-Domain") String webhooksDomain,
            @HeaderParam("shopify-hmac-sha256") String eventsHmac, @HeaderParam("shopify-topic") String eventsTopic,
            @HeaderParam("shopify-shop-domain") String eventsDomain, byte[] body) {
        // Shopify delivers with X-Shopify-* headers, or with the "Events" style of the same names
        // without the X- prefix (@shopify/shopify-api's ShopifyEventsHeader): either is read.
        String hmac = webhooksHmac != null ? webhooksHmac : eventsHmac;
        String topicName = webhooksTopic != null ? webhooksTopic : eventsTopic;
        String domain = webhooksDomain != null ? webhooksDomain : eventsDomain;
        if (!Signatures.base64Matches(config.apiSecret().orElse(null), body, hmac)) {
            LOG.infof("Refused a Shopify %s delivery for %s: its HMAC does not match the app's secret%s", topicName,
                    domain, config.apiSecret().isPresent() ? "" : " (TRIAD_SHOPIFY_API_SECRET is not set)");
            throw ProblemException.unauthorized("X-Shopify-Hmac-Sha256",
                    "X-Shopify-Hmac-Sha256 is not the HMAC of this body under the app's secret");
        }
        if (topicName == null || topicName.isBlank()) {
            throw ProblemException.invalid("X-Shopify-Topic", "X-Shopify-Topic is required");
        }
        ShopifyTopic topic = ShopifyTopic.of(topicName);
        if (topic == null) {
            return new WebhookReceiver.Outcome("ignored", topicName);
        }
        String shopId = ShopName.validate(domain);
        JsonNode json = receiver.parse(body);
        String owned = topic.check(json, shopId);
        Shop shop = receiver.registered(shopId, "shopify");
        if (shop == null) {
            if (topic.compliance) {
                return new WebhookReceiver.Outcome("nothing-held", topicName);
            }
            throw ProblemException.notFound("shop", "No shopify shop named '" + shopId + "' is registered");
        }
        String delivery = topic == ShopifyTopic.SHOP_REDACT ? null : topicName + ":" + hmac.trim();
        // The id is bound to the shop once the body is known to be good, right before anything is written.
        Runnable claim = () -> owners.claim(topic.owned, owned, shopId);
        return receiver.deliver(shop, topicName, delivery, json, effect(topic, claim));
    }

    private WebhookReceiver.Effect effect(ShopifyTopic topic, Runnable claim) {
        return switch (topic) {
            case ORDERS_CREATE -> (shop, body) -> {
                StoreOrder order = ShopifyPayloads.order(body);
                claim.run();
                if (order != null) {
                    sync.order(shop, order);
                }
            };
            case PRODUCTS_CREATE, PRODUCTS_UPDATE -> (shop, body) -> {
                Map<String, Boolean> tracked = inventory.tracked(shop.id(), ShopifyPayloads.inventoryItemIds(body));
                ProductFacts product = ShopifyPayloads.product(body, tracked);
                claim.run();
                sync.product(shop, product, false, Payloads.changedAt(body, "updated_at"));
                inventory.remember(shop.id(), ShopifyPayloads.inventoryItems(body, tracked));
                sync.identities(shop, product.id(), Payloads.text(body, "handle"), ShopifyPayloads.variantsBySku(body));
            };
            case INVENTORY_ITEMS_CREATE, INVENTORY_ITEMS_UPDATE -> (shop, body) -> {
                claim.run();
                inventory.itemUpdated(shop, body);
            };
            case INVENTORY_LEVELS_UPDATE -> (shop, body) -> {
                claim.run();
                inventory.levelUpdated(shop, body);
            };
            case PRODUCTS_DELETE -> (shop, body) -> {
                claim.run();
                sync.productDeleted(shop, Payloads.requiredId(body, "id"));
            };
            // The sync polls for its bulk operation; this only tells it to look now.
            case BULK_OPERATIONS_FINISH -> (shop, body) -> shopifySync.finished(shop.id());
            case APP_UNINSTALLED -> (shop, body) -> {
                claim.run();
                sync.uninstalled(shop);
            };
            // Shopify may name a customer by e-mail or phone alone (a customer who never had an account id
            // for this shop); Triad keys nothing by those, so there is nothing to erase or report.
            case CUSTOMERS_REDACT -> (shop, body) -> {
                String customer = Payloads.id(body.path("customer"), "id", "customer.id");
                claim.run();
                if (customer != null) {
                    privacy.redactCustomer(shop, customer);
                }
            };
            case CUSTOMERS_DATA_REQUEST -> (shop, body) -> {
                String request = Payloads.requiredId(body.path("data_request"), "id");
                String customer = Payloads.id(body.path("customer"), "id", "customer.id");
                claim.run();
                if (customer != null) {
                    privacy.dataRequest(shop, request, customer);
                }
            };
            case SHOP_REDACT -> (shop, body) -> {
                claim.run();
                privacy.redactShop(shop.id());
            };
        };
    }
}
