package dev.triad.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What one customer bought, as stored: one string that the offer path reads in the same MGET as the
 * sheets — {@code productId firstDay lastDay days} groups (epoch days; {@code days}: distinct days it
 * was bought), the {@value #MAX_PRODUCTS} most recently bought products at most, so that a customer
 * with 10,000 orders costs a request no more than one with 100. Written by {@link #MERGE}.
 */
public final class PurchaseHistory {

    /** Products a history keeps, most recently bought first: about 3 KB with ordinary ids. */
    public static final int MAX_PRODUCTS = 100;

    /** A history not written to for this long expires with its customer's silence (two years). */
    public static final long KEPT_SECONDS = 2L * 366 * 24 * 3600;

    /** One product of a history. */
    public record Bought(long firstDay, long lastDay, int days) {

        /** This customer's own days between purchases; 0 when they bought it on one day only. */
        public long interval() {
            return days < 2 ? 0 : Math.max(1, Math.round((double) (lastDay - firstDay) / (days - 1)));
        }
    }

    /**
     * KEYS[1] the history; ARGV[1] products kept, ARGV[2] seconds kept, then {@code productId day}
     * pairs of new orders. A day outside the product's first..last widens it and counts a day more;
     * a day within it was counted (an order on a known day, or one imported out of time order).
     */
    public static final String MERGE = """
            local entries, names = {}, {}
            local stored = redis.call('GET', KEYS[1])
            if stored then
              local t = {}
              for token in string.gmatch(stored, '%S+') do t[#t + 1] = token end
              for i = 1, #t - 3, 4 do
                entries[t[i]] = {tonumber(t[i + 1]), tonumber(t[i + 2]), tonumber(t[i + 3])}
                names[#names + 1] = t[i]
              end
            end
            for i = 3, #ARGV - 1, 2 do
              local p, day = ARGV[i], tonumber(ARGV[i + 1])
              local e = entries[p]
              if not e then
                entries[p] = {day, day, 1}
                names[#names + 1] = p
              elseif day < e[1] then e[1] = day; e[3] = e[3] + 1
              elseif day > e[2] then e[2] = day; e[3] = e[3] + 1 end
            end
            table.sort(names, function(a, b)
              if entries[a][2] ~= entries[b][2] then return entries[a][2] > entries[b][2] end
              return a < b
            end)
            local out = {}
            for i = 1, math.min(tonumber(ARGV[1]), #names) do
              local e = entries[names[i]]
              out[#out + 1] = names[i] .. ' ' .. e[1] .. ' ' .. e[2] .. ' ' .. e[3]
            end
            redis.call('SET', KEYS[1], table.concat(out, ' '), 'EX', ARGV[2])
            return #out
            """;

    private PurchaseHistory() {
    }

    /** The products of a stored history by id; empty for none or an unreadable value. */
    public static Map<String, Bought> read(byte[] stored) {
        if (stored == null || stored.length == 0) {
            return Map.of();
        }
        String[] t = new String(stored, StandardCharsets.UTF_8).split(" ");
        Map<String, Bought> bought = new HashMap<>(t.length / 2);
        try {
            for (int i = 0; i + 3 < t.length; i += 4) {
                bought.put(t[i], new Bought(Long.parseLong(t[i + 1]), Long.parseLong(t[i + 2]), Integer.parseInt(t[i + 3])));
            }
        } catch (NumberFormatException e) {
            return Map.of();
        }
        return bought;
    }
}
