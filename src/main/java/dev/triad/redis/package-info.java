/**
 * All Redis wiring: key layout, the offer path's per-event-loop connections and batched writes,
 * blocking batches for admin work, stored JSON. May import: problem.
 */
package dev.triad.redis;
