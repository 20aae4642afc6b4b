/**
 * Shared tools with no feature of their own: money, product ids, stored-text bounds, signatures.
 * May import: problem.
 */
package dev.triad.base;
