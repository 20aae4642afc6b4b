/**
 * The Shopify app: App Bridge session tokens verified and exchanged for an offline Admin API access
 * token (kept encrypted), the shop registered from what the Admin API says of it, the embedded admin
 * page and its statistics, the first sync of catalog and orders through bulk operations into the
 * imports, the reconciliation that heals what webhooks missed, and the discount codes of claimed
 * offers (by their tokens, of offer). Admin side. May import: shop, catalog, ingest, mining, stats,
 * offer, redis, base, problem.
 */
package dev.triad.shopifyapp;
