package dev.triad.shopifyapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import dev.triad.TriadConfig;
import dev.triad.shop.ShopName;

/**
 * {@code GET /shopify/app?shop=…} — the app's page inside the Shopify admin (the app URL of
 * {@code shopify.app.toml}). It loads App Bridge from Shopify's CDN with the app's client id, and
 * {@code app.js}, which installs through {@link InstallResource} with a session token and shows the
 * result. It may be framed by the Shopify admin and the shop only.
 */
@Path("/shopify/app")
public class EmbeddedAppResource {

    private final TriadConfig.Shopify config;

    public EmbeddedAppResource(TriadConfig config) {
        this.config = config.shopify();
    }

    @GET
    public Response page(@QueryParam("shop") String shopParam) {
        String shop = ShopName.validate(shopParam);
        String clientId = config.apiKey().orElse("");
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="shopify-api-key" content="%s">
                <title>Triad</title>
                <script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>
                <script src="/shopify/app.js" defer></script>
                <style>body{font:15px system-ui;margin:24px;max-width:720px}code{background:#f3f4f6;padding:2px 4px}</style>
                </head><body><h1>Triad</h1><p id="state">Connecting %s…</p></body></html>
                """.formatted(attribute(clientId), attribute(shop));
        return Response.ok(html, "text/html; charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self' https://cdn.shopify.com; "
                        + "style-src 'unsafe-inline'; connect-src 'self' https://*.myshopify.com; img-src 'self' data:; "
                        + "frame-ancestors https://" + shop + " https://admin.shopify.com; base-uri 'none'")
                .header("Cache-Control", "no-store").build();
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
