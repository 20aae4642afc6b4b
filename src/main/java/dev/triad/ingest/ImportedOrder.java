package dev.triad.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order read from an import, before it is logged; {@code lines} are the valid ones, {@code placedOn}
 * the day it was placed (null when the source does not say).
 */
public record ImportedOrder(String id, String customerId, List<Line> lines, LocalDate placedOn) {

    public ImportedOrder(String id, String customerId, List<Line> lines) {
        this(id, customerId, lines, null);
    }

    /**
     * One line item. {@code productId} may be null when only a {@code sku} is known (Shopify's order
     * export has no product ids): the import resolves it through the catalog's SKUs.
     */
    public record Line(String productId, String sku, String variantId, String title, int quantity, BigDecimal price) {
    }
}
