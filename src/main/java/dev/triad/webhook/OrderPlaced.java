package dev.triad.webhook;

import dev.triad.shop.Shop;

/**
 * A new order a store's webhook reported, once Triad has counted it: what e-mail cross-sells start from
 * (observers run in the webhook's request and must hand longer work to a thread of their own). A store may
 * deliver one order more than once.
 */
public record OrderPlaced(Shop shop, StoreOrder order) {
}
