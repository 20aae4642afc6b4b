/**
 * The benchmark floor endpoint, served only when triad.bench.enabled is set (bench/offers.sh). May
 * import: problem.
 */
package dev.triad.bench;
