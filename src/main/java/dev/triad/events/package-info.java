/**
 * What shoppers do with offers: events, dismissals, the keyed hashes that stand for visitors,
 * session groups. Serving side (the offer path reads dismissals, tallies sessions and mints request
 * ids). May import: redis, shop, widget, base, problem.
 */
package dev.triad.events;
