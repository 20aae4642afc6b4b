/**
 * Product facts, the merchant's pins and the writes that keep every sheet naming a product up to
 * date (CatalogStore), and SheetBuilder: the one place a sheet's lists are put together, for the
 * admin path and for mining. Option kinds (which options are tiers)
 * come from the shop's settings. May import: sheet, shop, redis, base, problem.
 */
package dev.triad.catalog;
