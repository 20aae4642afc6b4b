/**
 * The Shopify App Proxy routes to offers, events and claims of discounted offers, authenticated by the
 * signed query. Serving (claims hand over to the app's discount codes). May import: offer, events,
 * shop, shopifyapp, base, problem.
 */
package dev.triad.proxy;
