/**
 * The Shopify app's install: App Bridge session tokens verified, exchanged for an offline Admin API
 * access token (kept encrypted), the shop registered from what the Admin API says of it, the
 * embedded admin page. The first sync reads the catalog and orders through
 * bulk operations into the imports. Admin side. May import: shop, ingest, stats, redis, base,
 * problem.
 */
package dev.triad.shopifyapp;
