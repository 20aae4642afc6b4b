/**
 * The Shopify App Proxy routes to offers and events, authenticated by the signed query. Serving. May
 * import: offer, events, shop, base, problem.
 */
package dev.triad.proxy;
