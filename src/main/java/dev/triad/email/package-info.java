/**
 * Cross-sells in e-mails: a shop that connects Klaviyo gets, for each new order, a "Triad Offers Ready"
 * event on the buyer's profile carrying that order's offers and their links, for a Klaviyo flow to render.
 * Admin side, off the offer path: sent from threads of its own, retried, never twice for one order.
 * May import: webhook, ingest, offer, catalog, sheet, shop, events, redis, base, problem.
 */
package dev.triad.email;
