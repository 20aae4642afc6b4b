/**
 * Shopify's privacy topics: customer data requests and erasure, shop erasure. Batch side.
 */
package dev.triad.privacy;
