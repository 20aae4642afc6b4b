/**
 * The rebuild: co-purchase counts, association scores, mined sheets, incremental updates. Batch
 * side. May import: catalog, sheet, shop, redis, base, problem.
 */
package dev.triad.mining;
