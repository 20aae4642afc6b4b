/**
 * Imports of order histories and catalogs (CSV, NDJSON), streamed and bounded. Batch side. May
 * import: catalog, mining, events, shop, redis, base, problem.
 */
package dev.triad.ingest;
