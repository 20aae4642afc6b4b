/**
 * What shoppers do with offers: events, dismissals, the keyed hashes that stand for visitors,
 * session groups. Serving side (the offer path reads dismissals and tallies sessions); imports no
 * batch code.
 */
package dev.triad.events;
