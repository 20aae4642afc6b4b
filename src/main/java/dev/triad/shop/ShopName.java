package dev.triad.shop;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.triad.problem.ProblemException;

/**
 * Shop names: a store domain or handle such as {@code acme.myshopify.com}. Lower-case letters,
 * digits, dots and dashes only, so a name can never break out of its Redis hash tag.
 */
public final class ShopName {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

    private ShopName() {
    }

    public static String validate(String shop) {
        // Checked before lower-casing, which folds non-ASCII letters (the Kelvin sign U+212A becomes 'k')
        // into names of other shops.
        String name = shop == null ? "" : shop.toLowerCase(Locale.ROOT);
        if (shop == null || !shop.chars().allMatch(c -> c < 0x80) || !NAME.matcher(name).matches()) {
            throw ProblemException.invalid("shop", "'shop' must be 1 to 100 letters, digits, dots or dashes");
        }
        return name;
    }
}
