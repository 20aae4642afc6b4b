/**
 * Admin endpoints for a shop's products, imports and rebuild, authenticated by the operator key or
 * the shop's admin key. Batch side: may import catalog, ingest, mining, shop, base, problem,
 * redis; the serving path never imports it.
 */
package dev.triad.admin;
