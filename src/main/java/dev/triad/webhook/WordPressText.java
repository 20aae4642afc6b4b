package dev.triad.webhook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as WordPress stores it, made plain again: {@code wp_specialchars_decode($text, ENT_QUOTES)}
 * (wp-includes/formatting.php), which WooCommerce applies to a webhook's secret before signing with
 * it (WC_Webhook::generate_signature), and HTML's numeric and common named entities in names that
 * WooCommerce hands out escaped (an order line's {@code name} holds {@code &amp;} and {@code &#8211;}).
 */
final class WordPressText {

    /** WordPress's table: what ENT_QUOTES decodes, each zero-padded or hex spelling folded to one. */
    private static final Pattern SPECIALCHAR = Pattern.compile(
            "&(?:#0*(39|34|60|62|38);|#[xX]0*(27|22|26);|(quot|lt|gt|amp);)");
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));");

    private WordPressText() {
    }

    /** {@code wp_specialchars_decode($text, ENT_QUOTES)}: only &amp; &lt; &gt; &quot; and the single quote. */
    static String specialcharsDecode(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = SPECIALCHAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String decimal = m.group(1);
            String hex = m.group(2);
            String named = m.group(3);
            String plain;
            if (decimal != null) {
                plain = String.valueOf((char) Integer.parseInt(decimal));
            } else if (hex != null) {
                plain = String.valueOf((char) Integer.parseInt(hex, 16));
            } else {
                plain = switch (named) {
                    case "quot" -> "\"";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    default -> "&";
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(plain));
        }
        return m.appendTail(out).toString();
    }

    /** A name as a shopper reads it: numeric entities and the named ones WordPress writes, decoded once. */
    static String htmlDecode(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String plain = m.group(0);
            try {
                if (m.group(1) != null || m.group(2) != null) {
                    int code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                    if (Character.isValidCodePoint(code) && code >= 0x20 && !Character.isSurrogate((char) code)) {
                        plain = new String(Character.toChars(code));
                    }
                } else {
                    plain = switch (m.group(3)) {
                        case "amp" -> "&";
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "quot" -> "\"";
                        case "apos" -> "'";
                        case "nbsp" -> "\u00a0";
                        case "ndash" -> "\u2013";
                        case "mdash" -> "\u2014";
                        case "hellip" -> "\u2026";
                        case "lsquo" -> "\u2018";
                        case "rsquo" -> "\u2019";
                        case "ldquo" -> "\u201c";
                        case "rdquo" -> "\u201d";
                        case "times" -> "\u00d7";
                        default -> plain;
                    };
                }
            } catch (NumberFormatException e) {
                // too large for a code point: left as written
            }
            m.appendReplacement(out, Matcher.quoteReplacement(plain));
        }
        return m.appendTail(out).toString();
    }
}
