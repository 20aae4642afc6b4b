package dev.triad.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.triad.TriadConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request body is bounded while it streams in, before any key, shop or signature is looked
 * at. The server inflates nothing: only the imports take {@code Content-Encoding: gzip}, inflate it
 * themselves and count the inflated bytes ({@code ingest.Upload}); other routes refuse an encoded
 * body with 415, so no small request can unpack into a large one. A declared {@code Content-Length}
 * over the route's {@link BodyLimit} is refused here before a byte is read; the bodies of small
 * routes (offers, events, App Proxy, webhooks, admin JSON) are then read whole by {@link BodyHandOff},
 * which stops as soon as one passes its limit, so a resource only ever sees a body that fits. The
 * imports stream through their resource under their own, larger bound.
 */
@Singleton
public class BodyLimits {

    /** Where Quarkus' request stream looks for the largest body it may read (VertxHttpRecorder.MAX_REQUEST_SIZE_KEY). */
    static final String STREAM_LIMIT_KEY = "io.quarkus.max-request-size";

    /** The routing-context key of the limit of a body to be read whole. */
    private static final String LIMIT = BodyLimits.class.getName() + ".limit";

    /** After Quarkus' own upload limit (-2), before compression (0) and every resource. */
    private static final int ORDER = -1;

    private TriadConfig.Limits limits;
    private int offerBytes;

    void install(@Observes Router router, TriadConfig config) {
        this.limits = config.limits();
        this.offerBytes = config.offers().maxBodyBytes();
        router.route().order(ORDER).handler(this::bound);
    }

    /** The limit {@link #bound} set for a body {@link BodyHandOff} is to read whole; null for none. */
    static BodyLimit limit(RoutingContext context) {
        return context.get(LIMIT);
    }

    private void bound(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        BodyLimit limit = BodyLimit.of(context.normalizedPath(), limits, offerBytes);
        if (declaredLength(request) > limit.bytes()) {
            refuse(context, limit);
            return;
        }
        if (limit.streamed()) {
            // The import counts the inflated bytes itself (ingest.Upload) and answers a problem; Quarkus' own
            // count of the raw bytes would only cut the connection.
            context.put(STREAM_LIMIT_KEY, 0L);
            context.next();
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            answer(context, 415, "unsupported-encoding", "Unsupported content encoding",
                    limit.route() + " take an uncompressed body; only the imports accept Content-Encoding: gzip",
                    "Content-Encoding");
            return;
        }
        context.put(LIMIT, limit);
        context.next();
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void refuse(RoutingContext context, BodyLimit limit) {
        answer(context, 413, "too-large", "Request too large", limit.tooLarge(), "body");
    }

    /** A problem answer, then the connection is closed so that the client stops sending. */
    private static void answer(RoutingContext context, int status, String type, String title, String detail,
            String field) {
        var response = context.response();
        if (response.ended() || response.headWritten()) {
            context.request().connection().close();
            return;
        }
        context.request().pause();
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json");
        if (context.request().version() != HttpVersion.HTTP_2) {
            response.putHeader("Connection", "close");
        }
        response.endHandler(done -> context.request().connection().close())
                .end(Buffer.buffer(BodyLimit.problem(status, type, title, detail, field)));
    }
}
