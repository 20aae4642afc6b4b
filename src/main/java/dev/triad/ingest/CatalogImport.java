package dev.triad.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.siegmar.fastcsv.reader.CsvParseException;
import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ProductFacts;
import dev.triad.mining.RebuildService;
import dev.triad.shop.Shop;

/**
 * Imports a catalog: every product's facts and pins replace the stored ones, SKUs are recorded (to
 * resolve Shopify order exports), then a full rebuild publishes every sheet with the new facts.
 */
@ApplicationScoped
public class CatalogImport {

    private final CatalogStore catalog;
    private final RebuildService rebuild;
    private final ObjectMapper mapper;

    public CatalogImport(CatalogStore catalog, RebuildService rebuild, ObjectMapper mapper) {
        this.catalog = catalog;
        this.rebuild = rebuild;
        this.mapper = mapper;
    }

    public ImportReport importCatalog(Shop shop, InputStream body, String contentType) {
        return importCatalog(shop, body, contentType, true);
    }

    /**
     * Imports a catalog; with {@code rebuild} false the sheets are left to a rebuild the caller runs
     * (a platform sync imports the orders next, and rebuilds once at the end).
     */
    public ImportReport importCatalog(Shop shop, InputStream body, String contentType, boolean rebuild) {
        long start = System.nanoTime();
        ImportReport report = new ImportReport();
        List<CatalogFormats.Draft> products;
        try (BufferedReader in = Upload.reader(body)) {
            products = CatalogFormats.read(in, contentType, mapper, report);
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            Upload.Stopped stopped = Upload.stopped(e);
            report.stopped = stopped.getMessage();
            throw Upload.incomplete(stopped, "The upload stopped: " + stopped.getMessage() + ". No product was taken.")
                    .withReport(report);
        }
        if ("shopify-products-csv".equals(report.format)) {
            products = withLiveIds(shop.id(), products);
        }
        catalog.putAll(shop.id(), products.stream().map(CatalogFormats.Draft::facts).toList(),
                products.stream().flatMap(p -> p.skus.stream().map(sku -> java.util.Map.entry(sku, p.id))).toList());
        report.productsTaken = products.size();
        if (rebuild) {
            report.update = "full-rebuild";
            report.rebuild = this.rebuild.full(shop.id(), shop.settings());
        } else {
            report.update = "deferred";
        }
        report.millis = (System.nanoTime() - start) / 1_000_000;
        return report;
    }

    /**
     * Shopify's product CSV names products by handle and variants by SKU; webhooks and carts by
     * numeric ids. Where Shopify's product webhooks already taught Triad the ids of a handle and of
     * SKUs, the CSV's products and variants take them, so both describe one product. (A CSV read
     * before any webhook keeps the handle; importing it again after the first sync joins them.)
     */
    private List<CatalogFormats.Draft> withLiveIds(String shop, List<CatalogFormats.Draft> products) {
        Map<String, String> ids = catalog.idsOfHandles(shop, products.stream().map(p -> p.id).toList());
        Map<String, String> variants = catalog.variantsOfSkus(shop,
                products.stream().flatMap(p -> p.variants.stream().map(ProductFacts.Variant::id)).toList());
        for (CatalogFormats.Draft p : products) {
            p.id = ids.getOrDefault(p.id, p.id);
            List<ProductFacts.Variant> live = p.variants.stream()
                    .map(v -> v.withId(variants.getOrDefault(v.id(), v.id()))).toList();
            p.variants.clear();
            p.variants.addAll(live);
        }
        return products;
    }
}
