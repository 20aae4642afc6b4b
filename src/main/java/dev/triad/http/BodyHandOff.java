package dev.triad.http;

import java.io.ByteArrayInputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Hands the body {@link BodyLimits} read (HTTP/1) to the resource, or reads the body of a small
 * route whole here (HTTP/2: the REST layer pauses a request when it takes it over, which HTTP/2
 * refuses once the request was read to its end), counting it as it arrives: past its
 * {@link BodyLimit} the answer is 413 at once and nothing more is read.
 */
public class BodyHandOff {

    /** The filter's answer when there is nothing to read here: go on to the resource. */
    private static final Uni<Response> GO_ON = Uni.createFrom().nullItem();

    @ServerRequestFilter
    public Uni<Response> read(ContainerRequestContext request, RoutingContext context) {
        Buffer read = BodyLimits.body(context);
        if (read != null) {
            request.setEntityStream(new ByteArrayInputStream(read.getBytes()));
            return GO_ON;
        }
        BodyLimit limit = BodyLimits.limit(context);
        if (limit == null) {
            return GO_ON;
        }
        HttpServerRequest http = context.request();
        return Uni.createFrom().emitter(done -> {
            Buffer body = Buffer.buffer(256);
            boolean[] refused = {false};
            http.handler(chunk -> {
                if (refused[0]) {
                    return;
                }
                if (body.length() + (long) chunk.length() > limit.bytes()) {
                    refused[0] = true;
                    http.pause();
                    if (http.version() != HttpVersion.HTTP_2) {
                        // Closed once the answer is out, so that the client stops sending (HTTP/2: the stream is reset).
                        http.response().endHandler(sent -> http.connection().close());
                    }
                    done.complete(tooLarge(http, limit));
                    return;
                }
                body.appendBuffer(chunk);
            });
            http.exceptionHandler(failure -> {
                if (!refused[0]) {
                    refused[0] = true;
                    done.fail(failure);
                }
            });
            http.endHandler(end -> {
                if (!refused[0]) {
                    request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                    done.complete(null);
                }
            });
            http.resume();
        });
    }

    private static Response tooLarge(HttpServerRequest http, BodyLimit limit) {
        Response.ResponseBuilder answer = Response.status(413).type("application/problem+json")
                .entity(BodyLimit.problem(413, "too-large", "Request too large", limit.tooLarge(), "body"));
        if (http.version() != HttpVersion.HTTP_2) {
            answer.header("Connection", "close");
        }
        return answer.build();
    }
}
