/**
 * Offer statistics, hold-out uplift, and the counting of store orders into them. May import:
 * events, ingest, redis, shop, base, problem.
 */
package dev.triad.stats;
