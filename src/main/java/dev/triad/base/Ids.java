package dev.triad.base;

import dev.triad.problem.ProblemException;

/** Product, variant and order ids: 1 to 128 printable characters without spaces. The one id rule. */
public final class Ids {

    static final int MAX = 128;

    private Ids() {
    }

    /** True for a well-formed id (order ids follow the same rule). */
    public static boolean valid(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX && printable(id);
    }

    public static String require(String field, String id) {
        if (!valid(id)) {
            throw ProblemException.invalid(field, "'" + field + "' must be 1 to " + MAX
                    + " printable characters without spaces");
        }
        return id;
    }

    /** No spaces or controls (C0, DEL, C1), no unpaired surrogate: an id must survive UTF-8 and a log line intact. */
    public static boolean printable(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= 0x20 || c >= 0x7f && c <= 0x9f || Character.isWhitespace(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
