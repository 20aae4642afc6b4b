package dev.triad.catalog;

import dev.triad.problem.ProblemException;

/** Product and variant ids: 1 to 128 printable characters without spaces. */
public final class Ids {

    static final int MAX = 128;

    private Ids() {
    }

    public static String require(String field, String id) {
        if (id == null || id.isEmpty() || id.length() > MAX || !id.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
            throw ProblemException.invalid(field, "'" + field + "' must be 1 to " + MAX
                    + " printable characters without spaces");
        }
        return id;
    }
}
