package dev.triad.mining;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.triad.catalog.ProductFacts;

/**
 * In-stock products of each type, sorted once by entry price (then reputation, then id), so that
 * finding a product's next tier is a binary search rather than a sort per product.
 */
public final class UpgradeIndex {

    public static final UpgradeIndex EMPTY = new UpgradeIndex(Map.of());

    private static final Comparator<ProductFacts> ORDER = Comparator.comparing(ProductFacts::entryPrice)
            .thenComparing(Comparator.comparingDouble(ProductFacts::reputation).reversed())
            .thenComparing(ProductFacts::id);

    private final Map<String, Tier> byType;

    private UpgradeIndex(Map<String, Tier> byType) {
        this.byType = byType;
    }

    public static UpgradeIndex of(Collection<ProductFacts> products) {
        Map<String, List<ProductFacts>> lists = new HashMap<>();
        for (ProductFacts p : products) {
            if (p.type() != null && p.entryPrice() != null) {
                lists.computeIfAbsent(p.type(), t -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Tier> byType = new HashMap<>();
        lists.forEach((type, list) -> {
            list.sort(ORDER);
            byType.put(type, new Tier(list, list.stream().map(ProductFacts::entryPrice).toArray(BigDecimal[]::new)));
        });
        return new UpgradeIndex(byType);
    }

    /** Up to {@code limit} products of {@code product}'s type priced above {@code floor} and at most {@code ceiling}. */
    List<ProductFacts> above(ProductFacts product, BigDecimal floor, BigDecimal ceiling, int limit) {
        Tier tier = product.type() == null ? null : byType.get(product.type());
        if (tier == null) {
            return List.of();
        }
        int low = 0;
        int high = tier.prices.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tier.prices[mid].compareTo(floor) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        List<ProductFacts> found = new ArrayList<>(limit);
        for (int i = low; i < tier.prices.length && found.size() < limit && tier.prices[i].compareTo(ceiling) <= 0; i++) {
            if (!tier.products.get(i).id().equals(product.id())) {
                found.add(tier.products.get(i));
            }
        }
        return found;
    }

    private record Tier(List<ProductFacts> products, BigDecimal[] prices) {
    }
}
