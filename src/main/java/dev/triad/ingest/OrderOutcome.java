package dev.triad.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * The one rule for whether an order went through, on every path orders arrive by (Shopify and
 * WooCommerce webhooks, the Shopify order export, NDJSON of either platform's REST orders): an order
 * cancelled, refunded, voided, failed, trashed or still a checkout draft is no purchase and counts
 * nowhere. Shopify: {@code cancelled_at}, {@code financial_status} (refunded, voided); WooCommerce:
 * {@code status} (cancelled, refunded, failed, trash, checkout-draft).
 */
public final class OrderOutcome {

    private static final Set<String> NOT_THROUGH = Set.of("cancelled", "refunded", "voided", "failed", "trash",
            "checkout-draft");

    private OrderOutcome() {
    }

    /** Why the order did not go through, or null when it did; any argument may be null or empty. */
    public static String notThrough(String cancelledAt, String financialStatus, String status) {
        if (cancelledAt != null && !cancelledAt.isBlank()) {
            return "cancelled";
        }
        for (String value : new String[] { financialStatus, status }) {
            String normalized = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (NOT_THROUGH.contains(normalized)) {
                return normalized;
            }
        }
        return null;
    }
}
