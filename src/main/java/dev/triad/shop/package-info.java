/**
 * Shops, their keys and settings, admin authentication. Serving and admin: may import redis, base,
 * problem.
 */
package dev.triad.shop;
