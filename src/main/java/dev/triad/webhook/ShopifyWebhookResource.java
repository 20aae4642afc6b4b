package dev.triad.webhook;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;


import dev.triad.TriadConfig;
import dev.triad.catalog.ProductFacts;
import dev.triad.problem.ProblemException;
import dev.triad.shop.ShopName;

/**
 * {@code POST /webhooks/shopify} — the Shopify app's webhooks. The body's HMAC
 * ({@code X-Shopify-Hmac-Sha256}, key {@code TRIAD_SHOPIFY_API_SECRET}) is checked before anything
 * is parsed; the shop is {@code X-Shopify-Shop-Domain}, which must be registered; a delivery is
 * recognised by {@code X-Shopify-Event-Id} (or {@code X-Shopify-Webhook-Id}). 200 with what was done
 * ({@code processed}, {@code duplicate}, {@code ignored} for a topic Triad does not use), 400 bad
 * body, 401 bad signature, 404 unknown shop, 503 Redis unreachable (Shopify retries).
 */
@Path("/webhooks/shopify")
public class ShopifyWebhookResource {

    private static final Logger LOG = Logger.getLogger(ShopifyWebhookResource.class);

    private final WebhookReceiver receiver;
    private final StoreSync sync;
    private final TriadConfig.Shopify config;

    public ShopifyWebhookResource(WebhookReceiver receiver, StoreSync sync, TriadConfig config) {
        this.receiver = receiver;
        this.sync = sync;
        this.config = config.shopify();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public WebhookReceiver.Outcome receive(@HeaderParam("X-Shopify-Hmac-Sha256") String hmac,
            @HeaderParam("X-Shopify-Topic") String topic, @HeaderParam("X-Shopify-Shop-Domain") String domain,
            @HeaderParam("X-Shopify-Event-Id") String eventId, @HeaderParam("X-Shopify-Webhook-Id") String webhookId,
            byte[] body) {
        if (!Signatures.base64Matches(config.apiSecret().orElse(null), body, hmac)) {
            LOG.infof("Refused a Shopify %s delivery for %s: its HMAC does not match the app's secret%s", topic, domain,
                    config.apiSecret().isPresent() ? "" : " (TRIAD_SHOPIFY_API_SECRET is not set)");
            throw ProblemException.unauthorized("X-Shopify-Hmac-Sha256",
                    "X-Shopify-Hmac-Sha256 is not the HMAC of this body under the app's secret");
        }
        if (topic == null || topic.isBlank()) {
            throw ProblemException.invalid("X-Shopify-Topic", "X-Shopify-Topic is required");
        }
        String delivery = eventId != null ? eventId : webhookId;
        if (topic.equals("shop/redact")) {
            String shop = ShopName.validate(domain);
            WebhookReceiver.storing(() -> {
                sync.redactShop(shop);
                return null;
            });
            return new WebhookReceiver.Outcome("processed", topic);
        }
        WebhookReceiver.Effect effect = effect(topic);
        if (effect == null) {
            return new WebhookReceiver.Outcome("ignored", topic);
        }
        return receiver.deliver(receiver.shop(domain, "shopify"), topic, delivery, body, effect);
    }

    private WebhookReceiver.Effect effect(String topic) {
        switch (topic) {
            case "orders/create":
                return (shop, body) -> {
                    StoreOrder order = ShopifyPayloads.order(body);
                    if (order != null) {
                        sync.order(shop, order);
                    }
                };
            case "products/create":
            case "products/update":
                return (shop, body) -> {
                    ProductFacts product = ShopifyPayloads.product(body);
                    sync.product(shop, product, false, Payloads.changedAt(body, "updated_at"));
                };
            case "products/delete":
                return (shop, body) -> sync.productDeleted(shop, Payloads.requiredId(body, "id"));
            case "app/uninstalled":
                return (shop, body) -> sync.uninstalled(shop);
            case "customers/redact":
                return (shop, body) -> sync.redactCustomer(shop, Payloads.requiredId(body.path("customer"), "id"));
            case "customers/data_request":
                return (shop, body) -> sync.dataRequest(shop, Payloads.requiredId(body.path("data_request"), "id"),
                        Payloads.requiredId(body.path("customer"), "id"));
            default:
                return null;
        }
    }

}
