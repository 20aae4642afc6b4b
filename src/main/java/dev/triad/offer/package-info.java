/**
 * The offer path: validation, the one-MGET read model (SheetStore, Snapshot), the rule of three
 * (pure, no I/O), the answer. Serving: may import sheet, redis, shop, events, widget, base,
 * problem; never mining, ingest, admin, webhook or privacy (ArchitectureTest).
 */
package dev.triad.offer;
