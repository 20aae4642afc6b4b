/**
 * The Shopify App Proxy route to offers, authenticated by the signed query. Serving. May import:
 * offer, shop, base, problem.
 */
package dev.triad.proxy;
