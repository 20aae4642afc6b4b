/**
 * Local runs: the shipped redis-server and the demo shop. Not part of a deployment. May import:
 * catalog, shop, redis.
 */
package dev.triad.local;
