/**
 * Imports of order histories and catalogs (CSV, NDJSON), streamed and bounded. Batch side: may
 * import catalog, mining, redis, base, problem.
 */
package dev.triad.ingest;
