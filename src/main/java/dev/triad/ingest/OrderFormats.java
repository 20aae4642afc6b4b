package dev.triad.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.triad.base.Ids;
import dev.triad.problem.ProblemException;

/**
 * Reads order histories, streamed, in the formats merchants have: Shopify's order export (one row
 * per line item, grouped by {@code Name}), a long CSV {@code order_id,product_id[,variant_id,quantity,
 * price,customer_id,created_at]}, the UCI Online Retail layout ({@code InvoiceNo,StockCode,…}) and
 * NDJSON (Triad's own order shape, or Shopify / WooCommerce REST orders with {@code line_items}).
 * Rows of one order must be adjacent, as every export writes them.
 */
final class OrderFormats {

    private static final Pattern MONEY = Pattern.compile("-?\\d{1,12}(\\.\\d{1,6})?");

    private OrderFormats() {
    }

    /** Detects the format from the content type and the first line, then reads every order into {@code sink}. */
    static void read(BufferedReader in, String contentType, ObjectMapper mapper, ImportReport report,
            Consumer<ImportedOrder> sink) throws IOException {
        if (NdjsonLines.detect(in, contentType)) {
            report.format = "ndjson";
            ndjson(in, mapper, report, sink);
            return;
        }
        CsvTable csv = new CsvTable(in);
        if (csv.has("Name") && csv.has("Lineitem quantity")) {
            report.format = "shopify-orders-csv";
            // Orders are grouped by Name (#1001, on every row); the order's id is the export's Id (on its
            // first row) where the export has it: the id webhooks carry, so an order in both counts once.
            grouped(csv, report, sink, "Name", "Id", "Created at", OrderFormats::shopifyLine,
                    OrderFormats::shopifyOrderSkipped);
        } else if (csv.has("InvoiceNo") && csv.has("StockCode")) {
            report.format = "online-retail-csv";
            grouped(csv, report, sink, "InvoiceNo", null, "InvoiceDate", OrderFormats::retailLine,
                    (t, r) -> t.get(r, "InvoiceNo").startsWith("C") ? "cancellation invoice" : null);
        } else if (csv.has("order_id") && csv.has("product_id")) {
            report.format = "line-items-csv";
            grouped(csv, report, sink, "order_id", null, "created_at", OrderFormats::longLine, (t, r) -> null);
        } else {
            throw ProblemException.invalid("body", "Unrecognised order file: expected a Shopify order export, "
                    + "a CSV with order_id,product_id columns, the Online Retail layout or NDJSON");
        }
    }

    /** Reads one row into a line, or throws IllegalArgumentException with the reason it is refused. */
    private interface LineParser {
        ImportedOrder.Line parse(CsvTable csv, CsvRecord row);
    }

    /** Why a whole order is left out (from its first row), or null. */
    private interface OrderFilter {
        String skip(CsvTable csv, CsvRecord firstRow);
    }

    private static void grouped(CsvTable csv, ImportReport report, Consumer<ImportedOrder> sink, String key,
            String idColumn, String dateColumn, LineParser parser, OrderFilter filter) {
        String current = null;
        String orderId = null;
        String customer = null;
        LocalDate placedOn = null;
        boolean skipping = false;
        List<ImportedOrder.Line> lines = new ArrayList<>();
        var rows = csv.rows();
        while (rows.hasNext()) {
            CsvRecord row = rows.next();
            String id = csv.get(row, key);
            if (!id.equals(current)) {
                emit(new ImportedOrder(orderId, customer, lines, placedOn), skipping, report, sink);
                current = id;
                orderId = id;
                lines = new ArrayList<>();
                String reason = filter.skip(csv, row);
                skipping = reason != null;
                customer = csv.get(row, "customer_id").isEmpty() ? csv.get(row, "CustomerID") : csv.get(row, "customer_id");
                customer = customer.isEmpty() ? null : customer;
                placedOn = OrderDates.day(csv.get(row, dateColumn));
                if (!Ids.valid(id)) {
                    report.problem(row.getStartingLineNumber(), "missing or invalid order id");
                    skipping = true;
                }
            }
            String exportId = idColumn == null ? "" : csv.get(row, idColumn);
            if (!exportId.isEmpty() && orderId.equals(current) && Ids.valid(exportId)) {
                orderId = exportId;
            }
            if (skipping) {
                report.linesSkipped++;
                continue;
            }
            try {
                lines.add(parser.parse(csv, row));
                report.linesTaken++;
            } catch (IllegalArgumentException e) {
                report.linesSkipped++;
                if (e.getMessage() != null) {
                    report.problem(row.getStartingLineNumber(), e.getMessage());
                }
            }
        }
        emit(new ImportedOrder(orderId, customer, lines, placedOn), skipping, report, sink);
    }

    private static void emit(ImportedOrder order, boolean skipped, ImportReport report, Consumer<ImportedOrder> sink) {
        if (order.id() == null) {
            return;
        }
        if (skipped || order.lines().isEmpty()) {
            report.ordersSkipped++;
            return;
        }
        sink.accept(order);
    }

    private static String shopifyOrderSkipped(CsvTable csv, CsvRecord row) {
        return OrderOutcome.notThrough(csv.get(row, "Cancelled at"), csv.get(row, "Financial Status"), null);
    }

    private static ImportedOrder.Line shopifyLine(CsvTable csv, CsvRecord row) {
        String title = csv.get(row, "Lineitem name");
        String sku = csv.get(row, "Lineitem sku");
        if (title.isEmpty() && sku.isEmpty()) {
            throw new IllegalArgumentException("line item has neither name nor SKU");
        }
        return new ImportedOrder.Line(null, sku.isEmpty() ? null : sku, null, title,
                quantity(csv.get(row, "Lineitem quantity")), price(csv.get(row, "Lineitem price")));
    }

    private static ImportedOrder.Line retailLine(CsvTable csv, CsvRecord row) {
        int quantity = quantity(csv.get(row, "Quantity"));
        return new ImportedOrder.Line(id(csv.get(row, "StockCode"), "StockCode"), null, null,
                csv.get(row, "Description"), quantity, price(csv.get(row, "UnitPrice")));
    }

    private static ImportedOrder.Line longLine(CsvTable csv, CsvRecord row) {
        String variant = csv.get(row, "variant_id");
        String quantity = csv.get(row, "quantity");
        return new ImportedOrder.Line(id(csv.get(row, "product_id"), "product_id"), null,
                variant.isEmpty() ? null : id(variant, "variant_id"), csv.get(row, "title"),
                quantity.isEmpty() ? 1 : quantity(quantity), price(csv.get(row, "price")));
    }

    private static void ndjson(BufferedReader in, ObjectMapper mapper, ImportReport report,
            Consumer<ImportedOrder> sink) throws IOException {
        NdjsonLines.read(in, mapper, report, order -> {
            JsonNode items = order.has("line_items") ? order.get("line_items") : order.get("lines");
            String id = order.path("id").asText("");
            if (!Ids.valid(id) || items == null || !items.isArray()) {
                throw new IllegalArgumentException("an order needs an id and lines (or line_items)");
            }
            if (OrderOutcome.notThrough(text(order, "cancelled_at"), text(order, "financial_status"),
                    text(order, "status")) != null) {
                report.ordersSkipped++;
                report.linesSkipped += items.size();
                return;
            }
            List<ImportedOrder.Line> lines = new ArrayList<>();
            for (JsonNode item : items) {
                lines.add(jsonLine(item));
            }
            report.linesTaken += lines.size();
            String customer = order.path("customerId").asText(order.path("customer").path("id").asText(
                    order.path("customer_id").asText("")));
            String placed = text(order, "createdAt") != null ? text(order, "createdAt")
                    : text(order, "created_at") != null ? text(order, "created_at") : text(order, "date_created_gmt");
            sink.accept(new ImportedOrder(id, customer.isEmpty() || customer.equals("0") ? null : customer, lines,
                    OrderDates.day(placed)));
        }, () -> report.ordersSkipped++);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static ImportedOrder.Line jsonLine(JsonNode item) {
        String product = item.path("productId").asText(item.path("product_id").asText(""));
        String variant = item.path("variantId").asText(item.path("variant_id").asText(item.path("variation_id").asText("")));
        if (variant.equals("0")) {
            variant = "";
        }
        String title = item.path("title").asText(item.path("name").asText(""));
        String sku = item.path("sku").asText("");
        int quantity = item.has("quantity") ? item.get("quantity").asInt(0) : 1;
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        return new ImportedOrder.Line(product.isEmpty() || product.equals("0") ? null : id(product, "productId"),
                sku.isEmpty() ? null : sku, variant.isEmpty() ? null : id(variant, "variantId"), title, quantity,
                price(item.path("price").asText("")));
    }

    private static String id(String value, String field) {
        if (!Ids.valid(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' is empty, too long or holds spaces");
        }
        return value;
    }

    /** Quantities below one are returns or corrections: the line is skipped without a complaint. */
    private static int quantity(String value) {
        int quantity;
        try {
            quantity = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quantity '" + value + "' is not a whole number");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException((String) null);
        }
        return quantity;
    }

    private static BigDecimal price(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (!MONEY.matcher(value).matches()) {
            throw new IllegalArgumentException("price '" + value + "' is not a decimal amount");
        }
        BigDecimal price = new BigDecimal(value);
        return price.signum() < 0 ? null : price;
    }
}
