package dev.triad.sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the stored form of an offer sheet ({@link SheetCodec}) from {@code at} up to {@code end},
 * never past it: the bytes beyond may be another value's. Without {@code display} it skips each
 * candidate's title, image and link instead of decoding them.
 */
final class SheetReader {
    final byte[] bytes;
    final int end;
    final boolean display;
    int at;

    private SheetReader(byte[] bytes, int from, int end, boolean display) {
        this.bytes = bytes;
        this.at = from;
        this.end = end;
        this.display = display;
    }

    /** A reader past the format's two leading bytes; fails when they are not there. */
    static SheetReader of(byte[] bytes, int offset, int length, boolean display) throws IOException {
        if (length < 2 || bytes[offset] != SheetCodec.MAGIC || bytes[offset + 1] != SheetCodec.VERSION
                && bytes[offset + 1] != SheetCodec.VERSION_WITHOUT_FITS) {
            throw new IOException("Not a stored offer sheet (format " + SheetCodec.VERSION + ")");
        }
        return new SheetReader(bytes, offset + 2, offset + length, display);
    }

    byte next() throws IOException {
        if (at >= end) {
            throw new IOException("Not a stored offer sheet: it ends in the middle of a field");
        }
        return bytes[at++];
    }

    /** One value of a list, read where the reader stands. */
    private interface Item<T> {
        T read() throws IOException;
    }

    /** A count, then that many values. */
    private <T> List<T> list(Item<T> item) throws IOException {
        int count = count();
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(item.read());
        }
        return values;
    }

    List<Candidate> candidates() throws IOException {
        return list(this::candidate);
    }

    Candidate candidate() throws IOException {
        String productId = string();
        String variantId = string();
        String title = display ? string() : skipString();
        String image = display ? string() : skipString();
        String url = display ? string() : skipString();
        int flags = next();
        BigDecimal price = null;
        if ((flags & SheetCodec.PRICE) != 0) {
            int scale = next();
            price = BigDecimal.valueOf(zigzag(varlong()), scale);
        }
        double score = Double.longBitsToDouble(fixed64());
        int pairCount = (int) varlong();
        Double rating = (flags & SheetCodec.RATING) != 0 ? Double.longBitsToDouble(fixed64()) : null;
        Integer reviewCount = (flags & SheetCodec.REVIEWS) != 0 ? (int) varlong() : null;
        String fit = (flags & SheetCodec.FIT) != 0 ? string() : null;
        int repeatDays = (flags & SheetCodec.REPEAT) != 0 ? (int) varlong()
                : (flags & SheetCodec.DURABLE) != 0 ? Candidate.DURABLE : 0;
        if (productId == null) {
            throw new IOException("Not a stored offer sheet: a candidate without product id");
        }
        return new Candidate(productId, variantId, title, price, image, url, (flags & SheetCodec.IN_STOCK) != 0,
                (flags & SheetCodec.PINNED) != 0, score, pairCount, rating, reviewCount, fit, repeatDays);
    }

    List<String> strings() throws IOException {
        return list(this::string);
    }

    String string() throws IOException {
        int length = length();
        if (length < 0) {
            return null;
        }
        String value = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        return value;
    }

    /** Steps over a text; null, as a text not read. */
    String skipString() throws IOException {
        int length = length();
        at += Math.max(0, length);
        return null;
    }

    /** Steps over a text and tells whether it holds exactly {@code expected} (UTF-8; null for null). */
    boolean skipString(byte[] expected) throws IOException {
        int length = length();
        if (length < 0) {
            return expected == null;
        }
        boolean same = expected != null && Arrays.equals(bytes, at, at + length, expected, 0, expected.length);
        at += length;
        return same;
    }

    void skipStrings() throws IOException {
        for (int i = count(); i > 0; i--) {
            skipString();
        }
    }

    /** Steps over what follows a candidate's product and variant ids. */
    void skipRestOfCandidate() throws IOException {
        skipString();
        skipString();
        skipString();
        int flags = next();
        if ((flags & SheetCodec.PRICE) != 0) {
            next();
            varlong();
        }
        fixed64();
        varlong();
        if ((flags & SheetCodec.RATING) != 0) {
            fixed64();
        }
        if ((flags & SheetCodec.REVIEWS) != 0) {
            varlong();
        }
        if ((flags & SheetCodec.FIT) != 0) {
            skipString();
        }
        if ((flags & SheetCodec.REPEAT) != 0) {
            varlong();
        }
    }

    /** The byte length of the text whose header starts here, read past the header; -1 for null. */
    private int length() throws IOException {
        long header = varlong();
        if (header == 0) {
            return -1;
        }
        long length = header - 1;
        if (length < 0 || length > end - at) {
            throw new IOException("Not a stored offer sheet: a text runs past the end");
        }
        return (int) length;
    }

    /** A count is bounded by the bytes left: corrupt input cannot ask for a huge list. */
    int count() throws IOException {
        long count = varlong();
        if (count > end - at) {
            throw new IOException("Not a stored offer sheet: a count of " + count + " with "
                    + (end - at) + " bytes left");
        }
        return (int) count;
    }

    long varlong() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = next();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IOException("Not a stored offer sheet: a number longer than 10 bytes");
    }

    long fixed64() throws IOException {
        if (end - at < 8) {
            throw new IOException("Not a stored offer sheet: it ends in the middle of a number");
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[at++] & 0xff);
        }
        return value;
    }

    static long zigzag(long encoded) {
        return encoded >>> 1 ^ -(encoded & 1);
    }
}

