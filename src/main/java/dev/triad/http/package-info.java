/**
 * Cross-cutting HTTP rules: bodies bounded per route before anything else, strict JSON. Imports
 * only configuration.
 */
package dev.triad.http;
