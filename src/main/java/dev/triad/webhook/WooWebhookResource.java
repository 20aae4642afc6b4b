package dev.triad.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.triad.base.Signatures;
import dev.triad.catalog.ProductFacts;
import dev.triad.problem.ProblemException;
import dev.triad.shop.Shop;

/**
 * {@code POST /webhooks/woocommerce/{shop}} — a WooCommerce store's webhooks, signed with the
 * shop's webhook secret ({@code X-WC-Webhook-Signature}: base64 HMAC-SHA256 of the body). The
 * activation ping (form body {@code webhook_id=N}) gets 200 and changes nothing. WooCommerce
 * delivery ids are not unique, so a repeated order is recognised by its order id alone.
 * 200 with what was done, 202 {@code deferred} while Redis is away (held and processed when it is
 * back: WooCommerce never delivers again, see {@link WooSpool}), 400 bad body, 401 bad signature or
 * unknown shop, 503 when the spool is full.
 */
@Path("/webhooks/woocommerce/{shop}")
public class WooWebhookResource {

    private static final Logger LOG = Logger.getLogger(WooWebhookResource.class);

    private static final Pattern PING = Pattern.compile("webhook_id=\\d+");

    private final WebhookReceiver receiver;
    private final StoreSync sync;
    private final WooSpool spool;

    public WooWebhookResource(WebhookReceiver receiver, StoreSync sync, WooSpool spool) {
        this.receiver = receiver;
        this.sync = sync;
        this.spool = spool;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("shop") String shopName,
            @HeaderParam("X-WC-Webhook-Signature") String signature, @HeaderParam("X-WC-Webhook-Topic") String topic,
            byte[] body) {
        if (body.length < 64 && PING.matcher(new String(body, StandardCharsets.US_ASCII).trim()).matches()) {
            return Response.ok(new WebhookReceiver.Outcome("ping", topic)).build();
        }
        WooSpool.Held delivery = new WooSpool.Held(shopName, signature, topic, body);
        try {
            return Response.ok(process(delivery)).build();
        } catch (RuntimeException e) {
            if (!WooSpool.notNow(e) || !spool.hold(delivery, this::process)) {
                throw e;
            }
            LOG.infof("Held a WooCommerce %s delivery for %s while Redis is away (%d held)", topic, shopName,
                    spool.size());
            return Response.accepted(new WebhookReceiver.Outcome("deferred", topic)).build();
        }
    }

    /** Checks and applies one delivery; throws when Redis is away, refuses a bad one. */
    private WebhookReceiver.Outcome process(WooSpool.Held delivery) {
        String topic = delivery.topic();
        // An unknown shop and a wrong signature get the same answer: no one learns which shops Triad holds.
        Shop shop = receiver.registered(delivery.shop(), "woocommerce");
        // WooCommerce signs with wp_specialchars_decode(secret, ENT_QUOTES): a secret holding &, <, >, " or '
        // is signed with the character, whether the merchant registered it plain or as WordPress showed it.
        if (shop == null || !Signatures.base64Matches(WordPressText.specialcharsDecode(shop.webhookSecret()),
                delivery.body(), delivery.signature())) {
            LOG.infof("Refused a WooCommerce %s delivery for %s: no registered shop's webhook secret signs it",
                    topic, delivery.shop());
            throw ProblemException.unauthorized("X-WC-Webhook-Signature",
                    "X-WC-Webhook-Signature is not the HMAC of this body under the shop's webhook secret");
        }
        WebhookReceiver.Effect effect = topic == null ? null : effect(topic);
        if (effect == null) {
            return new WebhookReceiver.Outcome("ignored", topic);
        }
        return receiver.deliver(shop, topic, null, receiver.parse(delivery.body()), effect);
    }

    private WebhookReceiver.Effect effect(String topic) {
        switch (topic) {
            case "order.created":
                return (shop, body) -> {
                    StoreOrder order = WooPayloads.order(body);
                    if (order != null) {
                        sync.order(shop, order);
                    }
                };
            case "product.created":
            case "product.updated":
                return (shop, body) -> {
                    ProductFacts product = WooPayloads.product(body);
                    Instant changedAt = Payloads.changedAt(body, "date_modified_gmt");
                    String parent = WooPayloads.parentOf(body);
                    if (parent != null) {
                        sync.variation(shop, parent, product, changedAt);
                    } else if (WooPayloads.variable(body)) {
                        sync.variableProduct(shop, product, WooPayloads.variationIds(body), changedAt);
                    } else {
                        sync.product(shop, product, true, changedAt);
                    }
                };
            case "product.deleted":
                return (shop, body) -> sync.productDeleted(shop, Payloads.requiredId(body, "id"));
            default:
                return null;
        }
    }
}
