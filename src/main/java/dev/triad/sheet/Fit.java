package dev.triad.sheet;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an upgrade must keep of the variant it replaces: the values of its options that are not tiers
 * (size, colour, fit …), as one canonical text such as {@code "colour=black; size=m"} — names and
 * values trimmed and lower-cased, names sorted. Null when a variant has no such option: then any
 * variant fits. Which options are tiers is the catalog's to say; this class only writes and compares.
 */
public final class Fit {

    private static final String PAIRS = "; ";

    private Fit() {
    }

    /** The fit of a variant whose kept options are {@code options} (name to value); null for none. */
    public static String of(Map<String, String> options) {
        if (options == null || options.isEmpty()) {
            return null;
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        options.forEach((name, value) -> {
            String n = normal(name);
            String v = normal(value);
            if (!n.isEmpty() && !v.isEmpty()) {
                sorted.put(n, v);
            }
        });
        if (sorted.isEmpty()) {
            return null;
        }
        StringBuilder fit = new StringBuilder();
        sorted.forEach((name, value) -> fit.append(fit.isEmpty() ? "" : PAIRS).append(name).append('=').append(value));
        return fit.toString();
    }

    /**
     * Whether a variant of fit {@code offered} suits a shopper holding one of fit {@code held}: every
     * option both name has the same value (a bike in M is offered the next model in M; a model sold
     * without sizes suits any). An unknown fit suits any.
     */
    public static boolean suits(String offered, String held) {
        if (offered == null || held == null || offered.equals(held)) {
            return true;
        }
        for (String pair : offered.split(PAIRS)) {
            int eq = pair.indexOf('=');
            String value = valueOf(held, pair.substring(0, eq + 1));
            if (value != null && !value.equals(pair.substring(eq + 1))) {
                return false;
            }
        }
        return true;
    }

    /** A name or value as fits hold it: trimmed, lower case, single spaces, no {@code =} or {@code ;}. */
    public static String normal(String text) {
        return text == null ? "" : text.replace('=', ' ').replace(';', ' ').trim().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    private static String valueOf(String fit, String namePrefix) {
        for (String pair : fit.split(PAIRS)) {
            if (pair.startsWith(namePrefix)) {
                return pair.substring(namePrefix.length());
            }
        }
        return null;
    }
}
