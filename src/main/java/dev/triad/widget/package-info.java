/**
 * The storefront script and the per-shop CORS rules of the storefront routes. Serving. May import:
 * shop, redis, problem.
 */
package dev.triad.widget;
