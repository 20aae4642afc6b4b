package dev.triad.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SheetCodecTest {

    final SheetCodec codec = new SheetCodec(new ObjectMapper());

    @Test
    void shouldReadBackExactlyTheSheetItWrote() throws IOException {
        OfferSheet sheet = new OfferSheet("p-bike", List.of("p-helmet", "p-unknown"), List.of("p-bike-2"),
                List.of(new Candidate("p-helmet", "v-h", "Helmet \"Pro\" – M", new BigDecimal("49.90"), null, "/h",
                        true, true, 0.25, 12, 4.5, 212)),
                List.of(new Candidate("p-bike", "v-carbon", "Bike – Carbon", new BigDecimal("899.00"), "https://i/b.jpg",
                        null, false, false, 0, 0, null, null)));

        String stored = codec.write(sheet);

        assertThat(stored).contains("[\"p-helmet\",\"v-h\"").doesNotContain("\"variantId\"");
        assertThat(codec.read(stored.getBytes(StandardCharsets.UTF_8))).isEqualTo(sheet);
        assertThat(codec.read(stored)).isEqualTo(sheet);
    }

    @Test
    void shouldRefuseAValueThatIsNotASheet() {
        assertThatThrownBy(() -> codec.read("[1,2]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> codec.read("{not json".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }
}
