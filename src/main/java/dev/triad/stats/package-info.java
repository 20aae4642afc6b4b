/**
 * Offer statistics, hold-out uplift, and the counting of store orders into them. May import
 * events, ingest (the order record), redis, shop.
 */
package dev.triad.stats;
