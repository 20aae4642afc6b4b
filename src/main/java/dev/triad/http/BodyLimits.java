package dev.triad.http;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.triad.TriadConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request body is bounded while it streams in, before any key, shop or signature is looked
 * at. The server inflates nothing: only the imports take {@code Content-Encoding: gzip}, inflate it
 * themselves and count the inflated bytes ({@code ingest.Upload}); other routes refuse an encoded
 * body with 415, so no small request can unpack into a large one. Small routes (offers, events, App Proxy, webhooks,
 * admin JSON) are read here in full up to their {@link BodyLimit}, so a resource only ever sees a
 * body that fits; a declared {@code Content-Length} over the limit is refused before a byte is
 * read, a longer stream as soon as it passes the limit. The imports stream through the resource
 * under their own, larger bound, enforced by Quarkus' request stream.
 */
@Singleton
public class BodyLimits {

    /** Where Quarkus' request stream looks for the largest body it may read (VertxHttpRecorder.MAX_REQUEST_SIZE_KEY). */
    static final String STREAM_LIMIT_KEY = "io.quarkus.max-request-size";

    /** The routing-context key of a body read here. */
    private static final String BODY = BodyLimits.class.getName() + ".body";

    /** After Quarkus' own upload limit (-2), before compression (0) and every resource. */
    private static final int ORDER = -1;

    private TriadConfig.Limits limits;
    private int offerBytes;

    void install(@Observes Router router, TriadConfig config) {
        this.limits = config.limits();
        this.offerBytes = config.offers().maxBodyBytes();
        router.route().order(ORDER).handler(this::bound);
    }

    /** The body {@link #bound} read for this request, or null (nothing read here). */
    static Buffer body(RoutingContext context) {
        return context.get(BODY);
    }

    private void bound(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        BodyLimit limit = BodyLimit.of(context.normalizedPath(), limits, offerBytes);
        long declared = declaredLength(request);
        if (declared > limit.bytes()) {
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
        read(context, limit, declared);
    }

    private static void read(RoutingContext context, BodyLimit limit, long declared) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer((int) Math.max(0, Math.min(declared, 1 << 16)));
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
        request.endHandler(end -> {
            if (!refused[0]) {
                context.put(BODY, body);
                context.next();
            }
        });
        request.exceptionHandler(failure -> {
            if (!refused[0]) {
                refused[0] = true;
                request.connection().close();
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
        answer(context, 413, "too-large", "Request too large",
                limit.route() + " take a body of at most " + limit.bytes() + " bytes", "body");
    }

    /** A problem answer, then the connection is closed so that the client stops sending. */
    private static void answer(RoutingContext context, int status, String type, String title, String detail,
            String field) {
        var response = context.response();
        if (response.ended() || response.headWritten()) {
            context.request().connection().close();
            return;
        }
        String problem = "{\"type\":\"https://triad.dev/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"field\":\"" + field + "\"}";
        context.request().pause();
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Connection", "close")
                .endHandler(done -> context.request().connection().close())
                .end(Buffer.buffer(problem.getBytes(StandardCharsets.UTF_8)));
    }
}
