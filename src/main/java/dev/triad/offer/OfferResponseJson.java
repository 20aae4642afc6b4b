package dev.triad.offer;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an {@link OfferResponse} straight to the generator: the JSON the records describe (their
 * component order, nulls left out where they say so), without Jackson's bean serializer, which
 * reads every component of every card through reflection — a call to {@code Method.invoke} per
 * field, visible in a profile of the offer path at full load. {@code OfferResponseJsonTest} holds
 * the two to the same output, so a component added to a record fails there until it is written here.
 */
public final class OfferResponseJson extends StdSerializer<OfferResponse> {

    public OfferResponseJson() {
        super(OfferResponse.class);
    }

    @Override
    public void serialize(OfferResponse response, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        json.writeStringField("requestId", response.requestId());
        json.writeStringField("shop", response.shop());
        json.writeStringField("placement", response.placement());
        json.writeFieldName("offers");
        if (response.offers() == null) {
            json.writeNull();
        } else {
            json.writeStartArray();
            for (OfferResponse.View view : response.offers()) {
                view(view, json, provider);
            }
            json.writeEndArray();
        }
        OfferResponse.FreeShipping freeShipping = response.freeShipping();
        if (freeShipping != null) {
            json.writeObjectFieldStart("freeShipping");
            json.writeStringField("threshold", freeShipping.threshold());
            json.writeStringField("remaining", freeShipping.remaining());
            json.writeEndObject();
        }
        json.writeBooleanField("holdout", response.holdout());
        json.writeBooleanField("degraded", response.degraded());
        json.writeEndObject();
    }

    private static void view(OfferResponse.View view, JsonGenerator json, SerializerProvider provider)
            throws IOException {
        if (view == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("tier", view.tier());
        string(json, "kind", view.kind());
        if (view.recommended() != null) {
            json.writeBooleanField("recommended", view.recommended());
        }
        string(json, "replaces", view.replaces());
        product(json, view.productId(), view.variantId(), view.title(), view.image(), view.url());
        items(view.items(), json);
        string(json, "price", view.price());
        string(json, "extra", view.extra());
        if (view.discountPercent() != null) {
            json.writeNumberField("discountPercent", view.discountPercent());
        }
        string(json, "token", view.token());
        string(json, "expiresAt", view.expiresAt());
        if (view.countdown() != null) {
            json.writeNumberField("countdown", view.countdown());
        }
        string(json, "reason", view.reason());
        evidence(view.evidence(), json, provider);
        json.writeEndObject();
    }

    private static void items(List<OfferResponse.Item> items, JsonGenerator json) throws IOException {
        if (items == null) {
            return;
        }
        json.writeArrayFieldStart("items");
        for (OfferResponse.Item item : items) {
            if (item == null) {
                json.writeNull();
                continue;
            }
            json.writeStartObject();
            product(json, item.productId(), item.variantId(), item.title(), item.image(), item.url());
            string(json, "price", item.price());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void evidence(Map<String, Object> evidence, JsonGenerator json, SerializerProvider provider)
            throws IOException {
        if (evidence == null) {
            return;
        }
        json.writeObjectFieldStart("evidence");
        for (Map.Entry<String, Object> e : evidence.entrySet()) {
            json.writeFieldName(e.getKey());
            provider.defaultSerializeValue(e.getValue(), json);
        }
        json.writeEndObject();
    }

    /** What a card and a bundle's item both show of a product. */
    private static void product(JsonGenerator json, String productId, String variantId, String title, String image,
            String url) throws IOException {
        string(json, "productId", productId);
        string(json, "variantId", variantId);
        string(json, "title", title);
        string(json, "image", image);
        string(json, "url", url);
    }

    /** A text field, left out when null (the cards' {@code NON_NULL}). */
    private static void string(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
