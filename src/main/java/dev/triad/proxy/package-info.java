/**
 * The Shopify App Proxy route to offers, authenticated by the signed query. Serving: may import
 * offer, shop, base, problem.
 */
package dev.triad.proxy;
