package dev.triad.webhook;

import java.math.BigDecimal;

import dev.triad.ingest.ImportedOrder;

/**
 * An order as a store reports it by webhook: its lines, and who placed it — the session the widget
 * used ({@code sessionId}: Shopify's cart token or the {@code triad_session} attribute) and the
 * customer — so that it can be attributed and counted in the exposed or hold-out group.
 *
 * @param email the buyer's e-mail address as the order names it (for e-mailed cross-sells; never stored), or null
 */
public record StoreOrder(ImportedOrder order, String sessionId, BigDecimal total, String email) {

    /** {@code address} when it looks like an e-mail address, else null. */
    static String email(String address) {
        return address != null && address.length() <= 254 && address.indexOf('@') > 0 && !address.contains(" ")
                ? address : null;
    }
}
