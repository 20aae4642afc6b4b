package dev.triad.webhook;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

import dev.triad.catalog.Ids;
import dev.triad.problem.ProblemException;

/** Reading fields of a platform's JSON payload; a field that is present but wrong is a 400 naming it. */
final class Payloads {

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

    /** A decimal amount (JSON number or string); null when absent or empty. */
    static BigDecimal money(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        String text = value.isMissingNode() || value.isNull() ? "" : value.asText("").trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0 || amount.precision() - amount.scale() > 12) {
                throw new NumberFormatException(text);
            }
            return amount;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "'" + field + "' must be a decimal amount");
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
