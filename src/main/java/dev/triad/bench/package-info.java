/**
 * The benchmark floor endpoint, served only when triad.bench.enabled is set (bench/offers.sh).
 */
package dev.triad.bench;
