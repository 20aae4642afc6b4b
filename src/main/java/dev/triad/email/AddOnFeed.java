package dev.triad.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.triad.redis.Keys;
import dev.triad.redis.RedisBatches;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;
import dev.triad.sheet.SheetCodec;
import dev.triad.shop.Shop;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * A shop's add-on feed for Klaviyo's web feeds: for each product, its best add-ons in stock (at most three:
 * id, variant, title, price, image, URL, why), keyed by product id so that a template looks an order's items up
 * ({@code feeds.<name>.products|lookup:item.product_id}). Built from the published sheets (one SMEMBERS, one
 * HGETALL of the order counts, MGETs of 1,000 sheets). Klaviyo refuses a feed over about 3.3 MB, so products go
 * in by popularity (orders holding them) and the tail that does not fit is left out and counted in
 * {@code truncated}. Nothing in it changes with time alone, so equal sheets give an equal body and ETag.
 */
@ApplicationScoped
public class AddOnFeed {

    /** Klaviyo's documented limit is about 3.3 MB; the feed stays under 3,200,000 bytes. */
    static final int LIMIT_BYTES = 3_200_000;
    static final int MAX_ADD_ONS = 3;
    private static final int MGET_CHUNK = 1_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final RedisBatches redis;
    private final SheetCodec codec;

    public AddOnFeed(RedisBatches redis, SheetCodec codec) {
        this.redis = redis;
        this.codec = codec;
    }

    /** A built feed: its body, its ETag, and when its content last changed. */
    public record Built(byte[] body, String etag, Instant modifiedAt) {
    }

    /** The feed of {@code shop} with at most {@code addOns} (1-3) add-ons a product: fewer let more products in. */
    public Built build(Shop shop, int addOns) {
        List<String> products = new ArrayList<>();
        for (Response id : redis.send(Request.cmd(Command.SMEMBERS).arg(Keys.products(shop.id())))) {
            products.add(id.toString());
        }
        Map<String, Long> orders = new HashMap<>();
        Response counts = redis.send(Request.cmd(Command.HGETALL).arg(Keys.counts(shop.id())));
        for (String field : counts.getKeys()) {
            orders.put(field, counts.get(field).toLong());
        }
        products.sort(Comparator.<String>comparingLong(id -> -orders.getOrDefault(id, 0L)).thenComparing(id -> id));
        String origin = "woocommerce".equals(shop.platform()) && !shop.allowedOrigins().isEmpty()
                ? shop.allowedOrigins().get(0) : "https://" + shop.id();

        ByteArrayOutputStream entries = new ByteArrayOutputStream(1 << 16);
        int included = 0;
        int withAddOns = 0;
        boolean full = false;
        for (int from = 0; from < products.size() && !full; from += MGET_CHUNK) {
            List<String> chunk = products.subList(from, Math.min(products.size(), from + MGET_CHUNK));
            Request mget = Request.cmd(Command.MGET);
            chunk.forEach(id -> mget.arg(Keys.sheet(shop.id(), id)));
            Response sheets = redis.send(mget);
            for (int i = 0; i < chunk.size(); i++) {
                Response stored = sheets.get(i);
                OfferSheet sheet = stored == null ? null : codec.readStoredOrNull(stored.toBytes());
                byte[] entry = sheet == null ? null : entry(sheet, origin, withAddOns == 0, addOns);
                if (entry != null) {
                    if (entries.size() + entry.length > LIMIT_BYTES - 400) {
                        full = true;
                        break;
                    }
                    entries.writeBytes(entry);
                    withAddOns++;
                }
                included++;
            }
        }
        byte[] body = document(shop, products.size(), included, withAddOns, entries);
        String etag = etag(body);
        return new Built(body, etag, modifiedAt(shop.id(), addOns, etag));
    }

    /** When the feed's content last changed: kept beside its ETag, moved on when the ETag changes. */
    private Instant modifiedAt(String shop, int addOns, String etag) {
        String etagField = "etag." + addOns;
        String modifiedField = "modifiedAt." + addOns;
        Response stored = redis.send(Request.cmd(Command.HMGET).arg(Keys.feedVersion(shop)).arg(etagField).arg(modifiedField));
        if (stored != null && stored.get(0) != null && etag.equals(stored.get(0).toString()) && stored.get(1) != null) {
            return Instant.ofEpochSecond(stored.get(1).toLong());
        }
        long now = Instant.now().getEpochSecond();
        redis.send(Request.cmd(Command.HSET).arg(Keys.feedVersion(shop)).arg(etagField).arg(etag).arg(modifiedField).arg(now));
        return Instant.ofEpochSecond(now);
    }

    private static byte[] document(Shop shop, int total, int included, int withAddOns, ByteArrayOutputStream entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() + 400);
            try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeStringField("shop", shop.id());
                json.writeStringField("currency", shop.currency());
                json.writeNumberField("productCount", total);
                json.writeNumberField("productsWithAddOns", withAddOns);
                json.writeFieldName("truncated");
                if (included < total) {
                    json.writeStartObject();
                    json.writeStringField("by", "popularity");
                    json.writeNumberField("productsLeftOut", total - included);
                    json.writeStringField("why", "Klaviyo's web feeds take at most about 3.3 MB; the least ordered products are left out");
                    json.writeEndObject();
                } else {
                    json.writeBoolean(false);
                }
                json.writeFieldName("products");
                json.writeRawValue("{" + entries.toString(StandardCharsets.UTF_8) + "}");
                json.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code "<productId>":[add-ons]} (with a leading comma unless first); null for a product with no add-on in stock. */
    private static byte[] entry(OfferSheet sheet, String origin, boolean first, int addOns) {
        List<Candidate> picks = new ArrayList<>(addOns);
        for (Candidate c : sheet.complements()) {
            if (c.inStock() && c.price() != null && c.price().signum() > 0 && picks.size() < addOns) {
                picks.add(c);
            }
        }
        if (picks.isEmpty()) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(160 * picks.size() + 32);
            try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeFieldName(sheet.productId());
                json.writeStartArray();
                for (Candidate c : picks) {
                    json.writeStartObject();
                    json.writeStringField("id", c.productId());
                    if (c.variantId() != null) {
                        json.writeStringField("variantId", c.variantId());
                    }
                    json.writeStringField("title", c.title());
                    json.writeStringField("price", c.price().toPlainString());
                    if (c.image() != null) {
                        json.writeStringField("image", c.image());
                    }
                    if (c.url() != null) {
                        json.writeStringField("url", c.url().startsWith("http") ? c.url() : origin + c.url());
                    }
                    json.writeStringField("reason", c.pinned() ? "merchant_pick" : "bought_together");
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            // The generator wrote {"<id>":[…]}: the entry is that object's inside, after a comma unless first.
            byte[] wrapped = out.toByteArray();
            byte[] entry = new byte[wrapped.length - (first ? 2 : 1)];
            entry[0] = ',';
            System.arraycopy(wrapped, 1, entry, first ? 0 : 1, wrapped.length - 2);
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
