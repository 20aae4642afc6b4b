package dev.triad.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Singleton;

/**
 * How an offer sheet is stored: a compact binary record, read on the offer path straight from the
 * bytes Redis returns. Every offer request reads several sheets of twenty-odd candidates, so the
 * format is what the reader needs — lengths before bytes, numbers as numbers, no field names and
 * no text to tokenize. Reading three sheets this way costs a fraction of what a JSON token pass
 * did (figures in README, "Offer-path benchmark"); the admin API still shows sheets as JSON.
 *
 * <p>Layout (version 2; lengths and counts are unsigned LEB128 varints):
 * <pre>
 * sheet     := 'T' 0x02 str(productId) count str* (pinned complements) count str* (pinned upgrades)
 *              count candidate* (complements) count candidate* (upgrades)
 * candidate := str(productId) str(variantId) str(title) str(image) str(url) flags
 *              [scale unscaled]        price, when flags has PRICE (scale: 1 byte; unscaled: zigzag varint)
 *              score                   8-byte IEEE 754 double, big-endian
 *              varint(pairCount)
 *              [rating]                8-byte double, when flags has RATING
 *              [varint(reviewCount)]   when flags has REVIEWS
 * str       := varint(length + 1) UTF-8 bytes, or varint(0) for null
 * </pre>
 */
@Singleton
public class SheetCodec {

    private static final byte MAGIC = 'T';
    private static final byte VERSION = 2;

    private static final int IN_STOCK = 1;
    private static final int PINNED = 2;
    private static final int PRICE = 4;
    private static final int RATING = 8;
    private static final int REVIEWS = 16;

    /** The stored sheet; an unreadable value is a bug or corruption and fails, never guessed at. */
    public OfferSheet read(byte[] stored) throws IOException {
        return read(stored, 0, stored.length);
    }

    /**
     * The sheet stored in {@code length} bytes of {@code bytes} from {@code offset}: the offer path
     * reads it in place, from the array behind the Redis client's buffer, without a copy.
     */
    public OfferSheet read(byte[] bytes, int offset, int length) throws IOException {
        Reader in = new Reader(bytes, offset, offset + length);
        if (length < 2 || bytes[offset] != MAGIC || bytes[offset + 1] != VERSION) {
            throw new IOException("Not a stored offer sheet (format " + VERSION + ")");
        }
        in.at = offset + 2;
        try {
            String productId = in.string();
            List<String> pinnedComplements = in.strings();
            List<String> pinnedUpgrades = in.strings();
            List<Candidate> complements = in.candidates();
            List<Candidate> upgrades = in.candidates();
            if (in.at != in.end) {
                throw new IOException("Not a stored offer sheet: " + (in.end - in.at) + " bytes too many");
            }
            return new OfferSheet(productId, pinnedComplements, pinnedUpgrades, complements, upgrades);
        } catch (IndexOutOfBoundsException | NumberFormatException | ArithmeticException e) {
            throw new IOException("Not a stored offer sheet: " + e.getMessage(), e);
        }
    }

    /** The stored sheet, or null for no value. */
    public OfferSheet readStored(byte[] stored) {
        try {
            return stored == null ? null : read(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored offer sheet is unreadable", e);
        }
    }

    public byte[] write(OfferSheet sheet) {
        Writer out = new Writer(256 + 160 * (sheet.complements().size() + sheet.upgrades().size()));
        out.bytes[0] = MAGIC;
        out.bytes[1] = VERSION;
        out.size = 2;
        out.string(sheet.productId());
        out.strings(sheet.pinnedComplements());
        out.strings(sheet.pinnedUpgrades());
        out.candidates(sheet.complements());
        out.candidates(sheet.upgrades());
        return Arrays.copyOf(out.bytes, out.size);
    }

    /** Reads from {@code at} up to {@code end}, never past it: the bytes beyond may be another value's. */
    private static final class Reader {
        final byte[] bytes;
        final int end;
        int at;

        Reader(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        byte next() throws IOException {
            if (at >= end) {
                throw new IOException("Not a stored offer sheet: it ends in the middle of a field");
            }
            return bytes[at++];
        }

        List<Candidate> candidates() throws IOException {
            int count = count();
            List<Candidate> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(candidate());
            }
            return values;
        }

        Candidate candidate() throws IOException {
            String productId = string();
            String variantId = string();
            String title = string();
            String image = string();
            String url = string();
            int flags = next();
            BigDecimal price = null;
            if ((flags & PRICE) != 0) {
                int scale = next();
                price = BigDecimal.valueOf(zigzag(varlong()), scale);
            }
            double score = Double.longBitsToDouble(fixed64());
            int pairCount = (int) varlong();
            Double rating = (flags & RATING) != 0 ? Double.longBitsToDouble(fixed64()) : null;
            Integer reviewCount = (flags & REVIEWS) != 0 ? (int) varlong() : null;
            if (productId == null) {
                throw new IOException("Not a stored offer sheet: a candidate without product id");
            }
            return new Candidate(productId, variantId, title, price, image, url, (flags & IN_STOCK) != 0,
                    (flags & PINNED) != 0, score, pairCount, rating, reviewCount);
        }

        List<String> strings() throws IOException {
            int count = count();
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(string());
            }
            return values;
        }

        String string() throws IOException {
            long header = varlong();
            if (header == 0) {
                return null;
            }
            int length = (int) header - 1;
            if (length < 0 || length > end - at) {
                throw new IOException("Not a stored offer sheet: a text runs past the end");
            }
            String value = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return value;
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

    private static final class Writer {
        byte[] bytes;
        int size;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        void candidates(List<Candidate> candidates) {
            varlong(candidates.size());
            for (Candidate c : candidates) {
                string(c.productId());
                string(c.variantId());
                string(c.title());
                string(c.image());
                string(c.url());
                int flags = (c.inStock() ? IN_STOCK : 0) | (c.pinned() ? PINNED : 0) | (c.price() != null ? PRICE : 0)
                        | (c.rating() != null ? RATING : 0) | (c.reviewCount() != null ? REVIEWS : 0);
                room(1);
                bytes[size++] = (byte) flags;
                if (c.price() != null) {
                    price(c.price());
                }
                fixed64(Double.doubleToLongBits(c.score()));
                varlong(c.pairCount());
                if (c.rating() != null) {
                    fixed64(Double.doubleToLongBits(c.rating()));
                }
                if (c.reviewCount() != null) {
                    varlong(c.reviewCount());
                }
            }
        }

        /** Money is exact: its digits as a long and its scale; a price beyond 18 digits has no business here. */
        void price(BigDecimal price) {
            BigDecimal normal = price.scale() < 0 ? price.setScale(0) : price;
            if (normal.scale() > Byte.MAX_VALUE || normal.unscaledValue().bitLength() > 63) {
                throw new IllegalArgumentException("A price of " + price + " cannot be stored in an offer sheet");
            }
            room(1);
            bytes[size++] = (byte) normal.scale();
            long unscaled = normal.unscaledValue().longValueExact();
            varlong(unscaled << 1 ^ unscaled >> 63);
        }

        void strings(List<String> values) {
            varlong(values.size());
            values.forEach(this::string);
        }

        void string(String value) {
            if (value == null) {
                varlong(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varlong(utf8.length + 1L);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        void varlong(long value) {
            room(10);
            while ((value & ~0x7fL) != 0) {
                bytes[size++] = (byte) (value & 0x7f | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        void fixed64(long value) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
