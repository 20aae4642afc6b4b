/**
 * The offer-sheet format alone: OfferSheet, Candidate, the binary codec and its in-place reader.
 * May import: base, problem.
 */
package dev.triad.sheet;
