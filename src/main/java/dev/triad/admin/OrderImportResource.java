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
import dev.triad.ingest.ImportReport;
import dev.triad.ingest.OrderImport;
import dev.triad.ingest.Upload;
import dev.triad.shop.ShopAccess;

/**
 * {@code POST /admin/v1/shops/{shop}/orders} — imports an order history, streamed, any size
 * ({@code Content-Encoding: gzip} accepted): a Shopify order export, a CSV
 * {@code order_id,product_id[,variant_id,quantity,price,customer_id,created_at]}, the UCI Online
 * Retail layout or NDJSON orders. 200 with an {@link ImportReport}: orders, lines and products taken
 * and skipped, bad rows with line number and reason, and the sheet update that followed.
 * 400 unrecognised format, 401 bad key, 404 unknown shop.
 */
@Path("/admin/v1/shops/{shop}/orders")
public class OrderImportResource {

    private final OrderImport orders;
    private final ShopAccess access;
    private final long importBytes;

    public OrderImportResource(OrderImport orders, ShopAccess access, TriadConfig config) {
        this.orders = orders;
        this.access = access;
        this.importBytes = config.limits().importBytes();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport importOrders(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization,
            @HeaderParam("Content-Type") String contentType, @HeaderParam("Content-Encoding") String encoding,
            @QueryParam("rebuild") @DefaultValue("true") boolean rebuild, InputStream body) {
        return orders.importOrders(access.require(shop, authorization), Upload.open(body, encoding, importBytes),
                contentType, rebuild);
    }
}
