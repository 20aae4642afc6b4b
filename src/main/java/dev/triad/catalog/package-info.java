/**
 * Product facts, the merchant's pins and the writes that keep every sheet naming a product up to
 * date (CatalogStore), and SheetBuilder: the one place a sheet's lists are put together, for the
 * admin path and for mining. May import: sheet, redis, base, problem.
 */
package dev.triad.catalog;
