package dev.triad.widget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /widget/v1/triad.js} — the storefront script. The path is versioned, so the script is
 * cached for a year ({@code immutable}); a new major version gets a new path. Served from memory,
 * gzipped by the HTTP layer when the browser accepts it.
 */
@Path("/widget/v1/triad.js")
public class WidgetResource {

    static final String SCRIPT = "widget/triad.js";
    static final String CACHE = "public, max-age=31536000, immutable";

    private final byte[] script;
    private final String etag;

    public WidgetResource() {
        this.script = load();
        this.etag = '"' + sha256(script).substring(0, 16) + '"';
    }

    @GET
    public Response get(@HeaderParam("If-None-Match") String ifNoneMatch) {
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().tag(etag.substring(1, etag.length() - 1)).header("Cache-Control", CACHE).build();
        }
        return Response.ok(script, "text/javascript; charset=utf-8").header("Cache-Control", CACHE)
                .header("ETag", etag).header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    static byte[] load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
