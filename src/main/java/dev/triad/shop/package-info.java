/**
 * Shops, their keys and settings, admin authentication. Serving and admin. May import: redis, base,
 * problem.
 */
package dev.triad.shop;
