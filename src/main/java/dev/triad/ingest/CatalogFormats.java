package dev.triad.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.triad.catalog.ProductFacts;
import dev.triad.catalog.ProductRequest;
import dev.triad.problem.ProblemException;

/**
 * Reads catalogs, streamed: Shopify's product CSV (the legacy {@code Handle,Title,…,Variant Price}
 * layout and the current {@code Title,URL handle,…,Price} one; variants are rows sharing a handle,
 * products are keyed by handle), WooCommerce's product CSV (simple and variable products with their
 * variations, keyed by ID; {@code Upsells} / {@code Cross-sells} become pinned upgrades /
 * complements, by SKU or {@code id:N}) and NDJSON of the admin API's product body plus {@code id}.
 * The catalog is held in memory until links between rows are resolved; orders never are.
 */
final class CatalogFormats {

    private static final Pattern MONEY = Pattern.compile("\\d{1,12}(\\.\\d{1,6})?");

    private CatalogFormats() {
    }

    /** A product being assembled from its rows, with links still by SKU or id. */
    static final class Draft {
        String id;
        String title;
        String type;
        String url;
        String image;
        /** Not for sale in the store: a draft or archived product, or one not published. Kept, never offered. */
        boolean unlisted;
        final List<ProductFacts.Variant> variants = new ArrayList<>();
        final List<String> complements = new ArrayList<>();
        final List<String> upgrades = new ArrayList<>();
        final List<String> skus = new ArrayList<>();
        /** Shopify's CSV names a product's options on its first row only. */
        final String[] optionNames = new String[3];

        ProductFacts facts() {
            List<ProductFacts.Variant> sold = !unlisted ? variants : variants.stream()
                    .map(v -> v.withInStock(false)).toList();
            return new ProductFacts(id, title, type, url, image, null, null, sold, complements, upgrades);
        }
    }

    static List<Draft> read(BufferedReader in, String contentType, ObjectMapper mapper, ImportReport report)
            throws IOException {
        if (NdjsonLines.detect(in, contentType)) {
            report.format = "ndjson";
            return ndjson(in, mapper, report);
        }
        CsvTable csv = new CsvTable(in);
        if (csv.has("Handle") && csv.has("Variant Price")) {
            report.format = "shopify-products-csv";
            return shopify(csv, report, "Handle", "Variant Price", "Variant Compare At Price", "Variant SKU",
                    "Variant Inventory Tracker", "Variant Inventory Qty", "Variant Inventory Policy", "Image Src",
                    "Published");
        }
        if (csv.has("URL handle") && csv.has("Price")) {
            report.format = "shopify-products-csv";
            return shopify(csv, report, "URL handle", "Price", "Compare-at price", "SKU", "Inventory tracker",
                    "Inventory quantity", "Continue selling when out of stock", "Product image URL",
                    "Published on online store");
        }
        if (csv.has("Type") && csv.has("Regular price") && csv.has("ID")) {
            report.format = "woocommerce-products-csv";
            return woocommerce(csv, report);
        }
        throw ProblemException.invalid("body", "Unrecognised catalog file: expected a Shopify or WooCommerce "
                + "product CSV export, or NDJSON products");
    }

    /**
     * Shopify's product CSV. Stock: a variant is tracked only when its inventory tracker column names
     * one ("shopify"); an untracked variant is always for sale, whatever its quantity (Shopify's own
     * template leaves the tracker empty and the quantity 0). Files without the column keep the older
     * reading (no quantity, or a positive one, or "continue"). A product whose {@code Status} is draft
     * or archived, or whose published column is FALSE, is kept but never offered.
     */
    private static List<Draft> shopify(CsvTable csv, ImportReport report, String handleColumn, String priceColumn,
            String compareColumn, String skuColumn, String trackerColumn, String quantityColumn, String policyColumn,
            String imageColumn, String publishedColumn) {
        boolean trackerKnown = csv.has(trackerColumn);
        Map<String, Draft> products = new LinkedHashMap<>();
        var rows = csv.rows();
        while (rows.hasNext()) {
            CsvRecord row = rows.next();
            String handle = csv.get(row, handleColumn);
            String price = csv.get(row, priceColumn);
            if (handle.isEmpty()) {
                report.problem(row.getStartingLineNumber(), "row without a handle");
                continue;
            }
            Draft p = products.computeIfAbsent(handle, h -> {
                Draft d = new Draft();
                d.id = h;
                d.url = "/products/" + h;
                return d;
            });
            if (p.title == null && !csv.get(row, "Title").isEmpty()) {
                p.title = csv.get(row, "Title");
                p.type = blankToNull(csv.get(row, "Type"));
                String status = csv.get(row, "Status").toLowerCase(Locale.ROOT);
                String published = csv.get(row, publishedColumn).toLowerCase(Locale.ROOT);
                p.unlisted = status.equals("draft") || status.equals("archived") || published.equals("false");
            }
            if (p.image == null) {
                p.image = blankToNull(csv.get(row, imageColumn));
            }
            for (int o = 0; o < 3; o++) {
                String name = csv.get(row, "Option" + (o + 1) + " Name");
                if (!name.isEmpty()) {
                    p.optionNames[o] = name;
                }
            }
            if (price.isEmpty()) {
                continue; // an image-only row
            }
            if (!MONEY.matcher(price).matches()) {
                report.problem(row.getStartingLineNumber(), "price '" + price + "' is not a decimal amount");
                continue;
            }
            String options = String.join(" / ", nonEmpty(csv.get(row, "Option1 Value"), csv.get(row, "Option2 Value"),
                    csv.get(row, "Option3 Value")));
            String sku = csv.get(row, skuColumn);
            String variantId = !sku.isEmpty() ? sku : handle + (options.isEmpty() ? "" : "-" + OrderImport.slug(options));
            String quantity = csv.get(row, quantityColumn);
            String policy = csv.get(row, policyColumn).toLowerCase(Locale.ROOT);
            boolean tracked = !trackerKnown || !csv.get(row, trackerColumn).isEmpty();
            boolean inStock = !tracked || quantity.isEmpty() || policy.equals("continue") || policy.equals("true")
                    || parseInt(quantity) > 0;
            String compare = csv.get(row, compareColumn);
            p.variants.add(new ProductFacts.Variant(variantId, options.isEmpty() || options.equals("Default Title")
                    ? null : options, new BigDecimal(price),
                    MONEY.matcher(compare).matches() ? new BigDecimal(compare) : null, inStock, shopifyOptions(csv, row,
                            p.optionNames)));
            if (!sku.isEmpty()) {
                p.skus.add(sku);
            }
        }
        return finish(products, report);
    }

    /** A variant's options by name; Shopify's single-variant products have the option Title: Default Title. */
    private static Map<String, String> shopifyOptions(CsvTable csv, CsvRecord row, String[] names) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int o = 0; o < 3; o++) {
            String value = csv.get(row, "Option" + (o + 1) + " Value");
            if (names[o] != null && !value.isEmpty() && !value.equals("Default Title")) {
                options.put(names[o], value);
            }
        }
        return options;
    }

    private static List<Draft> woocommerce(CsvTable csv, ImportReport report) {
        Map<String, Draft> products = new LinkedHashMap<>();
        Map<String, String> idBySku = new LinkedHashMap<>();
        List<String[]> variations = new ArrayList<>();
        List<Map<String, String>> variationOptions = new ArrayList<>();
        Map<String, List<String>> upsells = new LinkedHashMap<>();
        Map<String, List<String>> crossSells = new LinkedHashMap<>();
        var rows = csv.rows();
        while (rows.hasNext()) {
            CsvRecord row = rows.next();
            String id = csv.get(row, "ID");
            String type = csv.get(row, "Type").toLowerCase(Locale.ROOT);
            String sku = csv.get(row, "SKU");
            if (id.isEmpty()) {
                report.problem(row.getStartingLineNumber(), "row without an ID");
                continue;
            }
            if (!sku.isEmpty()) {
                idBySku.put(sku, id);
            }
            String price = !csv.get(row, "Sale price").isEmpty() ? csv.get(row, "Sale price") : csv.get(row, "Regular price");
            boolean inStock = inStock(csv.get(row, "In stock?"), csv.get(row, "Stock"));
            if (type.contains("variation")) {
                variations.add(new String[] {csv.get(row, "Parent"), id, csv.get(row, "Name"), price,
                        csv.get(row, "Regular price"), String.valueOf(inStock), String.valueOf(row.getStartingLineNumber())});
                variationOptions.add(wooAttributes(csv, row));
                continue;
            }
            Draft p = new Draft();
            p.id = id;
            p.title = csv.get(row, "Name");
            String categories = csv.get(row, "Categories");
            p.type = categories.isEmpty() ? null : categories.split(",")[0].trim();
            String images = csv.get(row, "Images");
            p.image = images.isEmpty() ? null : images.split(",")[0].trim();
            if (!sku.isEmpty()) {
                p.skus.add(sku);
            }
            if (!type.contains("variable") && !type.contains("grouped")) {
                if (MONEY.matcher(price).matches()) {
                    p.variants.add(new ProductFacts.Variant(id, null, new BigDecimal(price),
                            compareAt(csv.get(row, "Regular price"), price), inStock));
                } else if (!price.isEmpty()) {
                    report.problem(row.getStartingLineNumber(), "price '" + price + "' is not a decimal amount");
                }
            }
            upsells.put(id, links(csv.get(row, "Upsells")));
            crossSells.put(id, links(csv.get(row, "Cross-sells")));
            products.put(id, p);
        }
        for (int i = 0; i < variations.size(); i++) {
            String[] v = variations.get(i);
            Draft parent = products.get(resolve(v[0], idBySku));
            if (parent == null) {
                report.problem(Long.parseLong(v[6]), "variation of unknown parent '" + v[0] + "'");
            } else if (!MONEY.matcher(v[3]).matches()) {
                report.problem(Long.parseLong(v[6]), "variation without a valid price");
            } else {
                String title = v[2].startsWith(parent.title + " - ") ? v[2].substring(parent.title.length() + 3) : v[2];
                parent.variants.add(new ProductFacts.Variant(v[1], title, new BigDecimal(v[3]), compareAt(v[4], v[3]),
                        Boolean.parseBoolean(v[5]), variationOptions.get(i)));
            }
        }
        products.forEach((id, p) -> {
            upsells.get(id).stream().map(l -> resolve(l, idBySku)).filter(products::containsKey)
                    .filter(l -> !l.equals(id)).forEach(p.upgrades::add);
            crossSells.get(id).stream().map(l -> resolve(l, idBySku)).filter(products::containsKey)
                    .filter(l -> !l.equals(id)).forEach(p.complements::add);
        });
        return finish(products, report);
    }

    /**
     * A variation's attributes by name ({@code Attribute N name}, {@code Attribute N value(s)}); an
     * empty value is WooCommerce's "any", which fixes nothing and is left out.
     */
    private static Map<String, String> wooAttributes(CsvTable csv, CsvRecord row) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int n = 1; csv.has("Attribute " + n + " name"); n++) {
            String name = csv.get(row, "Attribute " + n + " name");
            String value = csv.get(row, "Attribute " + n + " value(s)");
            if (!name.isEmpty() && !value.isEmpty()) {
                options.put(name, value);
            }
        }
        return options;
    }

    /** Linked products as WooCommerce exports them: SKUs or {@code id:N}, joined by ", ". */
    private static List<String> links(String cell) {
        List<String> links = new ArrayList<>();
        for (String part : cell.split("(?<!\\\\),")) {
            String link = part.replace("\\,", ",").trim();
            if (!link.isEmpty()) {
                links.add(link);
            }
        }
        return links;
    }

    private static String resolve(String link, Map<String, String> idBySku) {
        return link.startsWith("id:") ? link.substring(3) : idBySku.getOrDefault(link, link);
    }

    private static List<Draft> ndjson(BufferedReader in, ObjectMapper mapper, ImportReport report) throws IOException {
        Map<String, Draft> products = new LinkedHashMap<>();
        NdjsonLines.read(in, mapper, report, node -> {
            String id = ProductRequest.validId("id", node.path("id").asText(""));
            ProductFacts facts = mapper.treeToValue(node, ProductRequest.class).toFacts(id);
            Draft d = new Draft();
            d.id = facts.id();
            d.title = facts.title();
            d.type = facts.type();
            d.url = facts.url();
            d.image = facts.image();
            d.variants.addAll(facts.variants());
            d.complements.addAll(facts.complements());
            d.upgrades.addAll(facts.upgrades());
            products.put(d.id, d);
        }, () -> report.productsSkipped++);
        return finish(products, report);
    }

    private static List<Draft> finish(Map<String, Draft> products, ImportReport report) {
        List<Draft> valid = new ArrayList<>();
        for (Draft p : products.values()) {
            if (p.title == null || p.title.isBlank() || p.variants.isEmpty()) {
                report.productsSkipped++;
                report.problem(0, "product '" + p.id + "' has no title or no priced variant");
            } else {
                valid.add(p);
            }
        }
        return valid;
    }

    private static boolean inStock(String flag, String stock) {
        String f = flag.toLowerCase(Locale.ROOT);
        boolean flagged = f.isEmpty() || f.equals("1") || f.equals("yes") || f.equals("true") || f.equals("instock")
                || f.equals("onbackorder") || f.equals("backorder");
        return flagged && (stock.isEmpty() || parseInt(stock) > 0);
    }

    private static BigDecimal compareAt(String regular, String price) {
        return MONEY.matcher(regular).matches() && !regular.equals(price) ? new BigDecimal(regular) : null;
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static List<String> nonEmpty(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }
}
