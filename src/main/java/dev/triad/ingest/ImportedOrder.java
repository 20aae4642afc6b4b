package dev.triad.ingest;

import java.math.BigDecimal;
import java.util.List;

/** An order read from an import, before it is logged; {@code lines} are the valid ones. */
public record ImportedOrder(String id, String customerId, List<Line> lines) {

    /**
     * One line item. {@code productId} may be null when only a {@code sku} is known (Shopify's order
     * export has no product ids): the import resolves it through the catalog's SKUs.
     */
    public record Line(String productId, String sku, String variantId, String title, int quantity, BigDecimal price) {
    }
}
