package dev.triad.mining;

import java.util.Arrays;

/**
 * Co-purchase counts of product pairs, keyed by two dense product indices: an open-addressing
 * long → int map, because a million orders make tens of millions of pair increments and boxed
 * maps would spend most of the rebuild in the allocator.
 */
final class PairCounts {

    private static final long EMPTY = -1L;

    /**
     * Most distinct pairs one rebuild holds (about 200 MB at the table's fill): past it, pairs not yet
     * seen are not counted, so that one shop's rebuild can never take the server's memory.
     */
    static final int MAX_PAIRS = 1 << 23;

    private long[] keys;
    private int[] counts;
    private int size;
    private long dropped;

    PairCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        counts = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /** Counts one order holding both {@code a} and {@code b} ({@code a != b}); order of the two does not matter. */
    void increment(int a, int b, int by) {
        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        int slot = slot(key);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & (keys.length - 1);
        }
        if (keys[slot] == EMPTY) {
            if (size >= MAX_PAIRS) {
                dropped++;
                return;
            }
            keys[slot] = key;
            if (++size * 2 > keys.length) {
                counts[slot] = by;
                grow();
                return;
            }
        }
        counts[slot] += by;
    }

    int size() {
        return size;
    }

    /** Increments of new pairs not counted because the table was full. */
    long dropped() {
        return dropped;
    }

    /** Visits every pair once, lower index first. */
    void forEach(PairVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit((int) (keys[i] >>> 32), (int) keys[i], counts[i]);
            }
        }
    }

    interface PairVisitor {
        void visit(int a, int b, int count);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & (keys.length - 1);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
