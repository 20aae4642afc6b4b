package dev.triad.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.triad.problem.ThrottledLog;

/**
 * How an offer sheet is stored: a compact binary record, read on the offer path straight from the
 * bytes Redis returns. Every offer request reads several sheets of twenty-odd candidates, so the
 * format is what the reader needs — lengths before bytes, numbers as numbers, no field names and
 * no text to tokenize. Reading three sheets this way costs a fraction of what a JSON token pass
 * did (figures in README, "Offer-path benchmark"); the admin API still shows sheets as JSON.
 *
 * <p>Layout (version 3; a sheet without fits or repeat purchases is written as version 2, the same
 * layout without those flags, so that a build from before them reads it during a rolling deploy; lengths and counts are unsigned LEB128 varints):
 * <pre>
 * sheet     := 'T' 0x02 str(productId) count str* (pinned complements) count str* (pinned upgrades)
 *              count candidate* (complements) count candidate* (upgrades)
 * candidate := str(productId) str(variantId) str(title) str(image) str(url) flags
 *              [scale unscaled]        price, when flags has PRICE (scale: 1 byte; unscaled: zigzag varint)
 *              score                   8-byte IEEE 754 double, big-endian
 *              varint(pairCount)
 *              [rating]                8-byte double, when flags has RATING
 *              [varint(reviewCount)]   when flags has REVIEWS
 *              [str(fit)]              when flags has FIT
 *              [varint(repeatDays)]    when flags has REPEAT (flag DURABLE: repeatDays is -1)
 * str       := varint(length + 1) UTF-8 bytes, or varint(0) for null
 * </pre>
 */
@Singleton
public class SheetCodec {

    private static final ThrottledLog UNREADABLE = new ThrottledLog(Logger.getLogger(SheetCodec.class), 60);

    static final byte MAGIC = 'T';
    static final byte VERSION = 3;
    /** The format before fits: its candidates never have the FIT flag. */
    static final byte VERSION_WITHOUT_FITS = 2;

    static final int IN_STOCK = 1;
    static final int PINNED = 2;
    static final int PRICE = 4;
    static final int RATING = 8;
    static final int REVIEWS = 16;
    static final int FIT = 32;
    static final int REPEAT = 64;
    static final int DURABLE = 128;

    /** The stored sheet; an unreadable value is a bug or corruption and fails, never guessed at. */
    public OfferSheet read(byte[] stored) throws IOException {
        return read(stored, 0, stored.length, true);
    }

    /**
     * The sheet as the rule of three reads it, in place from {@code length} bytes of {@code bytes}
     * at {@code offset} (the array behind the Redis client's buffer, not copied): every candidate
     * without its title, image and link, which only the offers shown need ({@link #display}). A
     * sheet holds twenty-odd candidates; an answer shows two to four.
     */
    public OfferSheet readForSelection(byte[] bytes, int offset, int length) throws IOException {
        return read(bytes, offset, length, false);
    }

    /**
     * The candidate of {@code productId} and {@code variantId} in the sheet stored at {@code offset},
     * with its title, image and link; null when the sheet holds no such candidate. It skips over the
     * others without decoding them.
     */
    public Candidate display(byte[] bytes, int offset, int length, String productId, String variantId)
            throws IOException {
        SheetReader in = SheetReader.of(bytes, offset, length, true);
        try {
            in.skipString();
            in.skipStrings();
            in.skipStrings();
            byte[] product = productId.getBytes(StandardCharsets.UTF_8);
            byte[] variant = variantId == null ? null : variantId.getBytes(StandardCharsets.UTF_8);
            for (int list = 0; list < 2; list++) {
                for (int i = in.count(); i > 0; i--) {
                    int start = in.at;
                    boolean sameProduct = in.skipString(product);
                    if (in.skipString(variant) && sameProduct) {
                        in.at = start;
                        return in.candidate();
                    }
                    in.skipRestOfCandidate();
                }
            }
            return null;
        } catch (IndexOutOfBoundsException | ArithmeticException e) {
            throw new IOException("Not a stored offer sheet: " + e.getMessage(), e);
        }
    }

    private OfferSheet read(byte[] bytes, int offset, int length, boolean display) throws IOException {
        SheetReader in = SheetReader.of(bytes, offset, length, display);
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

    /**
     * A stored sheet for the write paths, or null when there is none or it cannot be read: an
     * unreadable sheet is written anew by its product's next change or the next rebuild, never
     * patched, so that it cannot fail the changes of every product it names.
     */
    public OfferSheet readStoredOrNull(byte[] stored) {
        try {
            return readStored(stored);
        } catch (RuntimeException e) {
            UNREADABLE.warn("An unreadable offer sheet was left for the next rebuild: %s", e);
            return null;
        }
    }

    public byte[] write(OfferSheet sheet) {
        Writer out = new Writer(256 + 160 * (sheet.complements().size() + sheet.upgrades().size()));
        out.bytes[0] = MAGIC;
        out.bytes[1] = usesVersion3(sheet) ? VERSION : VERSION_WITHOUT_FITS;
        out.size = 2;
        out.string(sheet.productId());
        out.strings(sheet.pinnedComplements());
        out.strings(sheet.pinnedUpgrades());
        out.candidates(sheet.complements());
        out.candidates(sheet.upgrades());
        return Arrays.copyOf(out.bytes, out.size);
    }

    private static boolean usesVersion3(OfferSheet sheet) {
        for (List<Candidate> list : List.of(sheet.complements(), sheet.upgrades())) {
            for (Candidate c : list) {
                if (c.fit() != null || c.repeatDays() != 0) {
                    return true;
                }
            }
        }
        return false;
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
                        | (c.rating() != null ? RATING : 0) | (c.reviewCount() != null ? REVIEWS : 0)
                        | (c.fit() != null ? FIT : 0) | (c.repeatDays() > 0 ? REPEAT : 0)
                        | (c.repeatDays() < 0 ? DURABLE : 0);
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
                if (c.fit() != null) {
                    string(c.fit());
                }
                if (c.repeatDays() > 0) {
                    varlong(c.repeatDays());
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
