/**
 * The rebuild: co-purchase counts, association scores, mined sheets, incremental updates. Batch
 * side: may import catalog, sheet, redis, base, problem; the serving path never imports it.
 */
package dev.triad.mining;
