/**
 * The Shopify app's install: App Bridge session tokens verified, exchanged for an offline Admin API
 * access token (kept encrypted), the shop registered from what the Admin API says of it, and the
 * embedded admin page. Admin side. May import: shop, redis, base, problem.
 */
package dev.triad.shopifyapp;
