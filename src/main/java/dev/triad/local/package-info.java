/**
 * Local runs: the shipped redis-server and the demo shop. Not part of a deployment.
 */
package dev.triad.local;
