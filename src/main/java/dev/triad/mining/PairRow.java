package dev.triad.mining;

import java.util.HashMap;
import java.util.Map;

/**
 * One product's co-purchase row: partner id → orders holding both. Stored in Redis as one string
 * ({@code "p-2 14 p-9 3"}; ids never hold spaces) and replaced whole.
 */
public record PairRow(Map<String, Integer> partners) {

    public static final PairRow EMPTY = new PairRow(Map.of());

    public static PairRow decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return EMPTY;
        }
        String[] parts = encoded.split(" ");
        Map<String, Integer> partners = new HashMap<>(parts.length);
        for (int i = 0; i + 1 < parts.length; i += 2) {
            partners.put(parts[i], Integer.parseInt(parts[i + 1]));
        }
        return new PairRow(partners);
    }

    public String encode() {
        StringBuilder out = new StringBuilder(partners.size() * 12);
        partners.forEach((id, count) -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(id).append(' ').append(count);
        });
        return out.toString();
    }

    /** This row with {@code delta} added, partner by partner. */
    public PairRow plus(Map<String, Integer> delta) {
        Map<String, Integer> merged = new HashMap<>(partners);
        delta.forEach((id, by) -> merged.merge(id, by, Integer::sum));
        return new PairRow(merged);
    }

    public int with(String partner) {
        return partners.getOrDefault(partner, 0);
    }
}
