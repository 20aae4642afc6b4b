package dev.triad.webhook;

import java.math.BigDecimal;

import dev.triad.ingest.ImportedOrder;

/**
 * An order as a store reports it by webhook: its lines, and who placed it — the session the widget
 * used ({@code sessionId}: Shopify's cart token or the {@code triad_session} attribute) and the
 * customer — so that it can be attributed and counted in the exposed or hold-out group.
 */
public record StoreOrder(ImportedOrder order, String sessionId, BigDecimal total) {
}
