package dev.triad.events;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A visitor's dismissals as stored: one string of {@code productId expiry} pairs (expiry in epoch
 * seconds), so that the offer path reads it in the same MGET as the sheets. Written by
 * {@link EventService}'s dismiss script, which drops expired pairs on every write.
 */
public final class Dismissals {

    private Dismissals() {
    }

    /** The products in {@code stored} still hidden at {@code nowEpochSecond}; adds them to {@code into}. */
    public static void addLive(byte[] stored, long nowEpochSecond, Set<String> into) {
        if (stored == null) {
            return;
        }
        String text = new String(stored, StandardCharsets.UTF_8);
        int at = 0;
        int length = text.length();
        while (at < length) {
            int idEnd = text.indexOf(' ', at);
            if (idEnd < 0) {
                return;
            }
            int expiryEnd = text.indexOf(' ', idEnd + 1);
            if (expiryEnd < 0) {
                expiryEnd = length;
            }
            if (expiry(text, idEnd + 1, expiryEnd) > nowEpochSecond) {
                into.add(text.substring(at, idEnd));
            }
            at = expiryEnd + 1;
        }
    }

    public static Set<String> live(String stored, long nowEpochSecond) {
        Set<String> live = new HashSet<>();
        addLive(stored == null ? null : stored.getBytes(StandardCharsets.UTF_8), nowEpochSecond, live);
        return live;
    }

    private static long expiry(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
