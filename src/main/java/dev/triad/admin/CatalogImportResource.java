package dev.triad.admin;

import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.triad.TriadConfig;
import dev.triad.ingest.CatalogImport;
import dev.triad.ingest.ImportReport;
import dev.triad.ingest.Upload;
import dev.triad.shop.ShopAccess;

/**
 * {@code POST /admin/v1/shops/{shop}/catalog} — imports products, streamed: a Shopify product CSV
 * export (legacy or current layout), a WooCommerce product CSV export (its Upsells and Cross-sells
 * become pins) or NDJSON of the product body with an {@code id}. 200 with an {@link ImportReport}
 * (products taken and skipped, bad rows, the rebuild that published the sheets). 400 unrecognised
 * format, 401 bad key, 404 unknown shop.
 */
@Path("/admin/v1/shops/{shop}/catalog")
public class CatalogImportResource {

    private final CatalogImport catalog;
    private final ShopAccess access;
    private final long importBytes;

    public CatalogImportResource(CatalogImport catalog, ShopAccess access, TriadConfig config) {
        this.catalog = catalog;
        this.access = access;
        this.importBytes = config.limits().importBytes();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport importCatalog(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization,
            @HeaderParam("Content-Type") String contentType, @HeaderParam("Content-Encoding") String encoding,
            @QueryParam("rebuild") @DefaultValue("true") boolean rebuild, InputStream body) {
        return catalog.importCatalog(access.require(shop, authorization), Upload.open(body, encoding, importBytes),
                contentType, rebuild);
    }
}
