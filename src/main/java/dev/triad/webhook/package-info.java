/**
 * Shopify and WooCommerce webhooks: signatures, topic shapes, id ownership, dedupe, and what orders
 * and product changes do. Batch side. May import: ingest, catalog, mining, privacy, stats, events,
 * shopifyapp, redis, shop, base, problem.
 */
package dev.triad.webhook;
