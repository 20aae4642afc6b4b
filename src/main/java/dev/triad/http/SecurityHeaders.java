package dev.triad.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every answer carries: no MIME sniffing; and for the admin page and API, never cached,
 * never framed, the page's own script only, talking to Triad only (the admin key typed into the
 * page is never stored: {@code admin/stats.js}). Set by {@link BodyLimits}' handler, which every
 * request passes anyway: Quarkus' configured headers cost a router handler each, measurable on the
 * offer path.
 */
final class SecurityHeaders {

    private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence FRAME_OPTIONS_NAME = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence CSP_NAME = HttpHeaders.createOptimized("Content-Security-Policy");
    static final CharSequence ADMIN_POLICY = HttpHeaders.createOptimized("default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'");

    private SecurityHeaders() {
    }

    static void add(RoutingContext context, String path) {
        MultiMap headers = context.response().headers();
        headers.set(NOSNIFF_NAME, NOSNIFF);
        if (path.startsWith("/admin/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, NO_STORE);
            headers.set(FRAME_OPTIONS_NAME, DENY);
            headers.set(CSP_NAME, ADMIN_POLICY);
        }
    }
}
