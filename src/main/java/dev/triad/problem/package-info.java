/**
 * RFC 9457 problem answers, produced in one mapper, and the failures that are Redis being away for
 * now. May import nothing of Triad.
 */
package dev.triad.problem;
