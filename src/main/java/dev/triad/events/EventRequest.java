package dev.triad.events;

import java.util.List;

/**
 * The body of {@code POST /v1/shops/{shop}/events}. {@code key} stands in for the {@code X-Triad-Key}
 * header because {@code navigator.sendBeacon} cannot set headers.
 *
 * @param type      {@code impression}, {@code click}, {@code add} or {@code dismiss}
 * @param offers    the offers acted on: all those shown for an impression or a dismissal of the pop-up, one for a click or an add
 */
public record EventRequest(String type, String key, String sessionId, String customerId, String placement,
        String requestId, List<Offer> offers) {

    /** The offer as the widget saw it: tier, kind and the products it would add. */
    public record Offer(Integer tier, String kind, List<String> productIds) {
    }
}
