/**
 * All Redis wiring: key layout, the offer path's per-event-loop connections and batched writes,
 * blocking batches for admin work, stored JSON. Imports only configuration and problem.
 */
package dev.triad.redis;
