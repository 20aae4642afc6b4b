package dev.triad.webhook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.triad.base.Ids;
import dev.triad.ingest.ImportedOrder;
import dev.triad.problem.ProblemException;

/** Reading fields of a platform's JSON payload; a field that is present but wrong is a 400 naming it. */
final class Payloads {

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,20})?");

    /** Most lines an order may have; Shopify allows far fewer, and every line is a co-purchase pair to count. */
    static final int MAX_LINES = 1000;

    /** A line's total (price times quantity) stays below this, so that any order's sum fits in minor units. */
    private static final BigDecimal MAX_LINE_TOTAL = BigDecimal.TEN.pow(12);

    private Payloads() {
    }

    /** An id (JSON number or string) at {@code field}; null when absent, null, empty or 0. */
    static String id(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asText("");
        if (text.isEmpty() || text.equals("0")) {
            return null;
        }
        return Ids.require(field, text);
    }

    /**
     * The order's {@code line_items} that name a product, as order lines: unit {@code price}, or the
     * line's {@code total} over its quantity when only that is given. Lines without a product
     * (custom items, fees) or with quantity 0 are left out.
     */
    static List<ImportedOrder.Line> lines(JsonNode order, String variantField, String titleField) {
        List<ImportedOrder.Line> lines = new ArrayList<>();
        JsonNode items = order.path("line_items");
        if (!items.isArray()) {
            throw ProblemException.invalid("line_items", "'line_items' must be an array");
        }
        if (items.size() > MAX_LINES) {
            throw ProblemException.invalid("line_items", "An order holds at most " + MAX_LINES + " lines");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "line_items[" + i + "]";
            String product = id(item, "product_id", at + ".product_id");
            int quantity = quantity(item, at + ".quantity");
            // A gift card (Shopify's line_items[].gift_card) is money, not goods: nothing to learn or offer.
            if (product == null || quantity == 0 || item.path("gift_card").asBoolean(false)) {
                continue;
            }
            BigDecimal price = money(item, "price", at + ".price");
            BigDecimal total = money(item, "total", at + ".total");
            if (price == null && total != null) {
                price = total.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
            }
            if (price != null && price.multiply(BigDecimal.valueOf(quantity)).compareTo(MAX_LINE_TOTAL) >= 0) {
                throw ProblemException.invalid(at, "'" + at + "' totals more than " + MAX_LINE_TOTAL.toPlainString());
            }
            lines.add(new ImportedOrder.Line(product, text(item, "sku"), id(item, variantField, at + "." + variantField),
                    text(item, titleField), quantity, price));
        }
        return lines;
    }

    /** The id at {@code name}; 400 naming the field when it is missing. */
    static String requiredId(JsonNode node, String name) {
        String id = id(node, name, name);
        if (id == null) {
            throw ProblemException.invalid(name, "'" + name + "' is required");
        }
        return id;
    }

    /**
     * A decimal amount (JSON number or string, plain notation: {@code 19.99}); null when absent or
     * empty. At most 12 integer digits; more than 4 decimals (WooCommerce's tax-exclusive prices)
     * are rounded to 4, as every stored price has at most 4.
     */
    static BigDecimal money(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        String text = value.isMissingNode() || value.isNull() ? "" : value.asText("").trim();
        if (text.isEmpty()) {
            return null;
        }
        if (!AMOUNT.matcher(text).matches()) {
            throw ProblemException.invalid(field, "'" + field + "' must be a decimal amount such as \"19.99\"");
        }
        BigDecimal amount = new BigDecimal(text);
        return amount.scale() > 4 ? amount.setScale(4, RoundingMode.HALF_UP) : amount;
    }

    /**
     * A change time: ISO 8601 with an offset (Shopify's {@code updated_at}) or without one, read as
     * UTC (WooCommerce's {@code date_modified_gmt}); null when absent or unreadable, since a change
     * without a time is still applied, only without the ordering guard.
     */
    static Instant changedAt(JsonNode node, String name) {
        String value = text(node, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        String text = value.isMissingNode() || value.isNull() ? "" : value.asText("").trim();
        return text.isEmpty() ? null : text;
    }

    static int quantity(JsonNode line, String field) {
        JsonNode value = line.path("quantity");
        if (value.isMissingNode() || value.isNull()) {
            return 1;
        }
        if (!value.canConvertToInt() || value.asInt() < 0 || value.asInt() > 1_000_000) {
            throw ProblemException.invalid(field, "'" + field + "' must be a whole number of at least 0");
        }
        return value.asInt();
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "The body must be a JSON object");
        }
        return body;
    }
}
