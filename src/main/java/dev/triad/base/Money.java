package dev.triad.base;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import dev.triad.problem.ProblemException;

/** Money as it crosses the API: a non-negative decimal string such as {@code "799.00"}, never a double. */
public final class Money {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");

    private Money() {
    }

    /** Parses {@code value} or refuses it, naming {@code field}. */
    public static BigDecimal parse(String field, String value) {
        if (value == null || !DECIMAL.matcher(value).matches()) {
            throw ProblemException.invalid(field,
                    "'" + field + "' must be a non-negative decimal string such as \"19.99\"");
        }
        return new BigDecimal(value);
    }

    public static String format(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
