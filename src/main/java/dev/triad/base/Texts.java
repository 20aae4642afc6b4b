package dev.triad.base;

import java.util.List;
import java.util.Locale;

/**
 * The bounds every stored product text keeps, whichever way it came in (admin API, imports,
 * webhooks): the admin API refuses a text past them, imports and webhooks trim it. One shop's
 * megabyte titles would otherwise make megabyte sheets that every shop's offers wait behind.
 */
public final class Texts {

    /** Longest title, type or variant title, in characters. */
    public static final int MAX_TEXT = 1000;
    /** Longest product link or image address. */
    public static final int MAX_LINK = 2048;
    /** Most variants a product keeps. */
    public static final int MAX_VARIANTS = 250;
    /** Most pinned complements, and most pinned upgrades, a product keeps. */
    public static final int MAX_PINS = 50;

    private Texts() {
    }

    /** {@code text} cut to {@code max} characters, never inside a surrogate pair; null stays null. */
    public static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** The first {@code max} elements. */
    public static <T> List<T> cap(List<T> list, int max) {
        return list.size() <= max ? list : list.subList(0, max);
    }

    /**
     * Whether {@code link} may be put in a storefront's {@code href} or {@code src}: an http(s)
     * address, a protocol-relative one ({@code //cdn…}, as Shopify writes image sources) or a path of
     * the shop ({@code /products/…}). Never {@code javascript:}, {@code data:} or other schemes.
     */
    public static boolean safeLink(String link) {
        if (link == null) {
            return true;
        }
        if (link.length() > MAX_LINK || link.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return false;
        }
        String lower = link.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("/");
    }

    /** {@code link} when it is {@link #safeLink safe}, else null. */
    public static String link(String link) {
        return safeLink(link) ? link : null;
    }
}
