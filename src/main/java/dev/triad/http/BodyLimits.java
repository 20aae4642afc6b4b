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
 * routes (offers, events, App Proxy, webhooks, admin JSON) are then read whole here, on the event
 * loop as they arrive, stopping as soon as one passes its limit (413 problem, connection closed), and
 * handed over by {@link BodyHandOff}, so a resource only ever sees a body that fits. HTTP/2 requests
 * are read by the REST layer under Quarkus' count of the bytes read (a bare 413 past the limit). The
 * imports stream through their resource under their own, larger bound.
 */
@Singleton
public class BodyLimits {

    /** Where Quarkus' request stream looks for the largest body it may read (VertxHttpRecorder.MAX_REQUEST_SIZE_KEY). */
    static final String STREAM_LIMIT_KEY = "io.quarkus.max-request-size";

    /** The routing-context key of a body read here (HTTP/1). */
    private static final String BODY = BodyLimits.class.getName() + ".body";

    /** After Quarkus' own upload limit (-2), before compression (0) and every resource. */
    private static final int ORDER = -1;

    private BodyLimit.Routes routes;

    void install(@Observes Router router, TriadConfig config) {
        this.routes = BodyLimit.Routes.of(config.limits(), config.offers().maxBodyBytes());
        router.route().order(ORDER).handler(this::bound);
    }

    private void bound(RoutingContext context) {
        String path = context.normalizedPath();
        SecurityHeaders.add(context, path);
        HttpServerRequest request = context.request();
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        BodyLimit limit = routes.of(path);
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
        if (request.version() == HttpVersion.HTTP_2) {
            // HTTP/2 refuses the REST layer's pause of a request read to its end, so the REST layer reads it,
            // under Quarkus' own count of the bytes read: past the limit, a bare 413 and the stream reset.
            context.put(STREAM_LIMIT_KEY, limit.bytes());
            context.next();
            return;
        }
        read(context, limit);
    }

    /** The body {@link #read} took whole; null when it was not read here. */
    static Buffer body(RoutingContext context) {
        return context.get(BODY);
    }

    /**
     * Reads the body here, on the event loop, as it arrives — a small body comes with its headers, so
     * this costs no extra turn of the loop — and stops at once past the limit.
     */
    private static void read(RoutingContext context, BodyLimit limit) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer(256);
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit.bytes()) {
                refused[0] = true;
                refuse(context, limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(failure -> {
            if (!refused[0]) {
                refused[0] = true;
                context.fail(400, failure);
            }
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                context.put(BODY, body);
                context.next();
            }
        });
        request.resume();
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
