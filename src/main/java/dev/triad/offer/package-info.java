/**
 * The offer path: validation, the one-MGET read model (SheetStore, Snapshot), the rule of three
 * (pure, no I/O), the answer. Serving: never mining, ingest, admin, webhook or privacy
 * (ArchitectureTest). May import: sheet, redis, shop, events, widget, base, problem.
 */
package dev.triad.offer;
