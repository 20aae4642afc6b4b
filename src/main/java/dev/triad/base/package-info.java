/**
 * Shared tools with no feature of their own: money, product ids, stored-text bounds, signatures.
 * Imports nothing of Triad but problem; every feature may import it.
 */
package dev.triad.base;
