package dev.triad.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts mined from baskets: how many orders hold each product ({@code c_a}), each pair of
 * products ({@code c_ab}), and in all ({@code N}). Memory grows with the catalog and its distinct
 * pairs, never with the number of orders.
 */
public final class CoPurchases {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private int[] itemCounts = new int[1024];
    private final PairCounts pairs;
    private long orders;

    public CoPurchases(int expectedPairs) {
        pairs = new PairCounts(expectedPairs);
    }

    /** Adds one order: its distinct product ids. */
    public void add(List<String> basket) {
        orders++;
        int[] members = new int[basket.size()];
        for (int i = 0; i < members.length; i++) {
            members[i] = indexOf(basket.get(i));
            itemCounts[members[i]]++;
        }
        for (int i = 0; i < members.length; i++) {
            for (int j = i + 1; j < members.length; j++) {
                pairs.increment(members[i], members[j], 1);
            }
        }
    }

    /** Pair counts left out because the rebuild held {@link PairCounts#MAX_PAIRS} distinct pairs already. */
    public long pairsLeftOut() {
        return pairs.dropped();
    }

    public long orders() {
        return orders;
    }

    public int products() {
        return ids.size();
    }

    public Map<String, Integer> itemCounts() {
        Map<String, Integer> counts = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            counts.put(ids.get(i), itemCounts[i]);
        }
        return counts;
    }

    /**
     * Visits every product with its row of partners and co-counts, one product at a time: the rows
     * live in three flat arrays (compressed sparse rows), so memory stays at about 8 bytes a pair.
     */
    public void forEachRow(RowVisitor visitor) {
        int n = ids.size();
        int[] offsets = new int[n + 1];
        pairs.forEach((a, b, count) -> {
            offsets[a + 1]++;
            offsets[b + 1]++;
        });
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] partners = new int[offsets[n]];
        int[] counts = new int[offsets[n]];
        int[] fill = java.util.Arrays.copyOf(offsets, n);
        pairs.forEach((a, b, count) -> {
            partners[fill[a]] = b;
            counts[fill[a]++] = count;
            partners[fill[b]] = a;
            counts[fill[b]++] = count;
        });
        for (int a = 0; a < n; a++) {
            Map<String, Integer> row = new HashMap<>((offsets[a + 1] - offsets[a]) * 2);
            for (int k = offsets[a]; k < offsets[a + 1]; k++) {
                row.put(ids.get(partners[k]), counts[k]);
            }
            visitor.visit(ids.get(a), itemCounts[a], new PairRow(row));
        }
    }

    /** One product's mined counts. */
    public interface RowVisitor {
        void visit(String productId, int productCount, PairRow row);
    }

    private int indexOf(String id) {
        Integer known = index.get(id);
        if (known != null) {
            return known;
        }
        int next = ids.size();
        index.put(id, next);
        ids.add(id);
        if (next == itemCounts.length) {
            itemCounts = java.util.Arrays.copyOf(itemCounts, next * 2);
        }
        return next;
    }
}
