package dev.triad.http;

import java.nio.charset.StandardCharsets;

import dev.triad.TriadConfig;

/**
 * The largest body a route takes, in bytes after decompression, and whether the resource streams it
 * ({@code streamed}: the authenticated imports) or receives it whole.
 */
record BodyLimit(String route, long bytes, boolean streamed) {

    /** Every route's limit, made once from the configuration: the offer path looks its own up per request. */
    record Routes(BodyLimit offers, BodyLimit events, BodyLimit webhooks, BodyLimit imports, BodyLimit other) {

        static Routes of(TriadConfig.Limits limits, int offerBytes) {
            return new Routes(new BodyLimit("Offer requests", offerBytes, false),
                    new BodyLimit("Events", limits.eventBytes(), false),
                    new BodyLimit("Webhooks", limits.webhookBytes(), false),
                    new BodyLimit("Imports", limits.importBytes(), true),
                    new BodyLimit("These routes", limits.adminBytes(), false));
        }

        BodyLimit of(String path) {
            if (path.startsWith("/v1/shops/") && path.endsWith("/offers") || path.startsWith("/proxy/")
                    || path.equals("/shopify/v1/thank-you-offers")) {
                return offers;
            }
            if (path.startsWith("/v1/shops/") && path.endsWith("/events")) {
                return events;
            }
            if (path.startsWith("/webhooks/")) {
                return webhooks;
            }
            if (path.startsWith("/admin/v1/shops/") && (path.endsWith("/orders") || path.endsWith("/catalog"))) {
                return imports;
            }
            return other;
        }
    }

    String tooLarge() {
        return route + " take a body of at most " + bytes + " bytes";
    }

    /** An RFC 9457 problem body, for answers made before the REST layer (and its mapper) is reached. */
    static byte[] problem(int status, String type, String title, String detail, String field) {
        return ("{\"type\":\"https://triad.dev/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"field\":\"" + field + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
