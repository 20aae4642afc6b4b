package dev.triad.offer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.triad.sheet.Candidate;

/** What the cart and the shopper rule out of an answer. */
record Exclusions(Set<String> products, Set<String> variants, Set<String> dismissed, CustomerHistory history) {

    Exclusions(List<String> productIds, Cart cart, Set<String> dismissed, CustomerHistory history) {
        this(new HashSet<>(productIds), cart.variantIds(), dismissed, history);
    }

    /** Another product: not in the cart, and not a durable the customer owns. */
    boolean allows(Candidate c) {
        return allowsVariantOf(c) && !products.contains(c.productId()) && !history.owns(c);
    }

    /** For a better variant of a cart product: the product may be in the cart, the variant may not. */
    boolean allowsVariantOf(Candidate c) {
        return c.offerable()
                && (c.variantId() == null || !variants.contains(c.variantId()))
                && !dismissed.contains(c.productId())
                && (c.variantId() == null || !dismissed.contains(c.variantId()));
    }
}
