/**
 * The offer-sheet format alone: OfferSheet, Candidate, the binary codec and its in-place reader.
 * Imports only base and problem.
 */
package dev.triad.sheet;
