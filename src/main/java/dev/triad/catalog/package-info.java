/**
 * Product facts, the merchant's pins and the writes that keep every sheet naming a product up to
 * date (CatalogStore, SheetBuilder). May import sheet, redis, base, problem.
 */
package dev.triad.catalog;
