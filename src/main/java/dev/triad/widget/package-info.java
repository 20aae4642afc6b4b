/**
 * The storefront script and the per-shop CORS rules of the storefront routes. Serving: may import
 * shop, redis, problem.
 */
package dev.triad.widget;
