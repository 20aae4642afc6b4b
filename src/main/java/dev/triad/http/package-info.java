/**
 * Cross-cutting HTTP rules: bodies bounded per route before anything else, strict JSON. May import:
 * problem.
 */
package dev.triad.http;
