package dev.triad.http;

import java.io.ByteArrayInputStream;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Hands the body {@link BodyLimits} read whole on the router to the resource, so that the REST
 * layer never reads the request again. A plain, synchronous filter: it runs on every request of
 * the offer path.
 */
public class BodyHandOff {

    @ServerRequestFilter
    public void handOver(ContainerRequestContext request, RoutingContext context) {
        Buffer body = BodyLimits.body(context);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }
}
