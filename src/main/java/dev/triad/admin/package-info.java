/**
 * Admin endpoints for a shop's products, imports and rebuild, authenticated by the operator key or
 * the shop's admin key. Batch side. May import: catalog, ingest, mining, sheet, shop, base,
 * problem, redis.
 */
package dev.triad.admin;
