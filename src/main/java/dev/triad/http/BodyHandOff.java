package dev.triad.http;

import java.io.ByteArrayInputStream;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Hands a body that {@link BodyLimits} read to the resource, so the REST layer never reads the request again. */
public class BodyHandOff {

    @ServerRequestFilter
    public void body(ContainerRequestContext request, RoutingContext context) {
        Buffer body = BodyLimits.body(context);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }
}
