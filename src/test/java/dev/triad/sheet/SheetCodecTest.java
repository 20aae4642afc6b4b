package dev.triad.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SheetCodecTest {

    final SheetCodec codec = new SheetCodec();

    final OfferSheet sheet = new OfferSheet("p-bike", List.of("p-helmet", "p-unknown"), List.of("p-bike-2"),
            List.of(new Candidate("p-helmet", "v-h", "Helmet \"Pro\" – M ⛑", new BigDecimal("49.90"), null, "/h",
                    true, true, 0.25, 12, 4.5, 212),
                    new Candidate("p-bell", null, "Bell", new BigDecimal("1234567890123.5"), "https://i/bell.jpg",
                            "/bell", true, false, -0.125, 0, null, 0, null, Candidate.DURABLE)),
            List.of(new Candidate("p-bike", "v-carbon", "Bike – Carbon", new BigDecimal("899.00"), "https://i/b.jpg",
                    null, false, false, 0, 0, null, null, "frame size=m"),
                    new Candidate("p-gift", "v-gift", null, null, null, null, true, false, 0.5, 3, 5.0, null, null, 21)));

    @Test
    void shouldReadBackExactlyTheSheetItWrote() throws IOException {
        assertThat(codec.read(codec.write(sheet))).isEqualTo(sheet);
    }

    @Test
    void shouldFindTheCandidateToShowBehindOneWithAFit() throws IOException {
        byte[] stored = codec.write(sheet);

        assertThat(codec.display(stored, 0, stored.length, "p-gift", "v-gift")).isEqualTo(sheet.upgrades().get(1));
        assertThat(codec.readForSelection(stored, 0, stored.length).upgrades().get(0).fit()).isEqualTo("frame size=m");
    }

    /**
     * Sheets written before fits existed (format 2) stay readable, and a sheet without fits or repeat
     * purchases is still written in that format, which the builds before them read (a rolling deploy).
     */
    @Test
    void shouldWriteAndReadASheetWithoutFitsInTheFormatBeforeThem() throws IOException {
        OfferSheet withoutFits = new OfferSheet("p", List.of(), List.of(), List.of(sheet.complements().get(0)),
                List.of(new Candidate("q", "v", "Q", new BigDecimal("2.00"), null, null, true, false, 0, 0, null, null)));
        byte[] stored = codec.write(withoutFits);

        assertThat(stored[1]).isEqualTo(SheetCodec.VERSION_WITHOUT_FITS);
        assertThat(codec.read(stored)).isEqualTo(withoutFits);
        assertThat(codec.write(sheet)[1]).isEqualTo(SheetCodec.VERSION);
    }

    @Test
    void shouldKeepPricesExactIncludingTrailingZerosAndWholeNumbers() throws IOException {
        Candidate whole = new Candidate("p", null, "t", new BigDecimal("1E+3"), null, null, true, false, 0, 0, null, null);
        Candidate yen = new Candidate("q", null, "t", new BigDecimal("1500"), null, null, true, false, 0, 0, null, null);
        OfferSheet read = codec.read(codec.write(new OfferSheet("x", List.of(), List.of(), List.of(whole, yen), List.of())));

        assertThat(read.complements().get(0).price()).isEqualByComparingTo("1000");
        assertThat(read.complements().get(1).price().toPlainString()).isEqualTo("1500");
        assertThat(read.upgrades()).isEmpty();
    }

    @Test
    void shouldStoreASheetInFewerBytesThanItsJson() {
        assertThat(codec.write(sheet).length).isLessThan(sheet.toString().getBytes(StandardCharsets.UTF_8).length / 2);
    }

    @Test
    void shouldRefuseAValueThatIsNotASheet() {
        assertThatThrownBy(() -> codec.read("{\"productId\":\"p\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("Not a stored offer sheet");
        assertThatThrownBy(() -> codec.read(new byte[0])).isInstanceOf(IOException.class);
        byte[] longer = Arrays.copyOf(codec.write(sheet), codec.write(sheet).length + 1);
        assertThatThrownBy(() -> codec.read(longer)).isInstanceOf(IOException.class).hasMessageContaining("too many");
    }

    @Test
    void shouldRefuseEveryTruncatedSheetRatherThanReadAWrongOne() {
        byte[] stored = codec.write(sheet);
        for (int length = 0; length < stored.length; length++) {
            byte[] truncated = Arrays.copyOf(stored, length);
            assertThatThrownBy(() -> codec.read(truncated)).as("first %d bytes", length).isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldReadASheetInPlaceFromTheMiddleOfALargerBufferAndNeverPastItsEnd() throws IOException {
        byte[] stored = codec.write(sheet);
        byte[] buffer = new byte[stored.length + 64];
        Arrays.fill(buffer, (byte) 0x7f);
        System.arraycopy(stored, 0, buffer, 32, stored.length);

        assertThat(codec.readForSelection(buffer, 32, stored.length))
                .isEqualTo(codec.readForSelection(stored, 0, stored.length));
        Candidate helmet = sheet.complements().get(0);
        assertThat(codec.display(buffer, 32, stored.length, helmet.productId(), helmet.variantId())).isEqualTo(helmet);
        for (int length = 0; length < stored.length; length++) {
            int cut = length;
            assertThatThrownBy(() -> codec.readForSelection(buffer, 32, cut)).as("first %d bytes of the sheet", cut)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldReadForSelectionWithoutTextsAndDisplayAnyCandidateWithThem() throws IOException {
        byte[] stored = codec.write(sheet);
        OfferSheet bare = codec.readForSelection(stored, 0, stored.length);

        assertThat(bare.complements()).hasSameSizeAs(sheet.complements());
        for (Candidate c : concat(bare.complements(), bare.upgrades())) {
            assertThat(c.title()).isNull();
            assertThat(c.image()).isNull();
            assertThat(c.url()).isNull();
        }
        for (Candidate c : concat(sheet.complements(), sheet.upgrades())) {
            assertThat(codec.display(stored, 0, stored.length, c.productId(), c.variantId())).isEqualTo(c);
            Candidate withoutTexts = new Candidate(c.productId(), c.variantId(), null, c.price(), null, null,
                    c.inStock(), c.pinned(), c.score(), c.pairCount(), c.rating(), c.reviewCount(), c.fit(), c.repeatDays());
            assertThat(concat(bare.complements(), bare.upgrades())).contains(withoutTexts);
        }
        assertThat(codec.display(stored, 0, stored.length, "p-helmet", "v-other")).isNull();
        assertThat(codec.display(stored, 0, stored.length, "p-nowhere", null)).isNull();
    }

    private static List<Candidate> concat(List<Candidate> first, List<Candidate> second) {
        List<Candidate> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
