/**
 * The WooCommerce plugin's handshake with Triad: the operator issues a one-use connect token for a shop,
 * the plugin trades it (once) for the shop's registration, its keys, the key its offer tokens are signed
 * with (so the plugin verifies them in the shop's own server) and the webhook secret it chose. Admin side.
 * May import: shop, offer, email, events, redis, base, problem.
 */
package dev.triad.wooplugin;
