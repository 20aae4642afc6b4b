package dev.triad.offer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A validated cart: what the offers must never repeat, and what they are priced against. */
public record Cart(List<CartLine> lines) {

    public Cart {
        lines = List.copyOf(lines);
    }

    public BigDecimal subtotal() {
        return lines.stream().map(CartLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Distinct product ids in cart order: the offer sheets to read. */
    public List<String> productIds() {
        List<String> ids = new ArrayList<>(lines.size());
        for (CartLine line : lines) {
            if (!ids.contains(line.productId())) {
                ids.add(line.productId());
            }
        }
        return ids;
    }

    public Set<String> variantIds() {
        Set<String> ids = new HashSet<>();
        for (CartLine line : lines) {
            if (line.variantId() != null) {
                ids.add(line.variantId());
            }
        }
        return ids;
    }

    public boolean holdsProduct(String productId) {
        return lines.stream().anyMatch(l -> l.productId().equals(productId));
    }
}
