package dev.triad.http;

import java.nio.charset.StandardCharsets;

import dev.triad.TriadConfig;

/**
 * The largest body a route takes, in bytes after decompression, and whether the resource streams it
 * ({@code streamed}: the authenticated imports) or receives it whole.
 */
record BodyLimit(String route, long bytes, boolean streamed) {

    static BodyLimit of(String path, TriadConfig.Limits limits, int offerBytes) {
        if (path.startsWith("/v1/shops/") && path.endsWith("/offers") || path.startsWith("/proxy/")) {
            return new BodyLimit("Offer requests", offerBytes, false);
        }
        if (path.startsWith("/v1/shops/") && path.endsWith("/events")) {
            return new BodyLimit("Events", limits.eventBytes(), false);
        }
        if (path.startsWith("/webhooks/")) {
            return new BodyLimit("Webhooks", limits.webhookBytes(), false);
        }
        if (path.startsWith("/admin/v1/shops/") && (path.endsWith("/orders") || path.endsWith("/catalog"))) {
            return new BodyLimit("Imports", limits.importBytes(), true);
        }
        return new BodyLimit("These routes", limits.adminBytes(), false);
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
