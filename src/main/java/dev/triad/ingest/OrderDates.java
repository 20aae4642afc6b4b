package dev.triad.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The day an order was placed, as the stores and exports write it: ISO 8601 with an offset (Shopify
 * webhooks and GraphQL {@code createdAt}), without one (WooCommerce {@code date_created_gmt}, in UTC),
 * Shopify's order export ({@code 2026-11-30 10:00:00 -0500}), Online Retail's {@code 12/1/2010 8:26}
 * and a plain date. The day is the order's own calendar day where it was placed.
 */
public final class OrderDates {

    private static final List<DateTimeFormatter> OFFSET = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX"));
    private static final List<DateTimeFormatter> LOCAL = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("M/d/yyyy H:mm"),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss"));

    private OrderDates() {
    }

    /** The day of {@code text}; null when it is empty or in none of these forms. */
    public static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (DateTimeFormatter f : OFFSET) {
            try {
                return OffsetDateTime.parse(t, f).toLocalDate();
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(t, f).toLocalDate();
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
