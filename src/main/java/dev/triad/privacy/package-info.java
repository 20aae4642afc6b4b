/**
 * Shopify's privacy topics: customer data requests and erasure, shop erasure. Batch side. May
 * import: events, redis, shop, base, problem.
 */
package dev.triad.privacy;
