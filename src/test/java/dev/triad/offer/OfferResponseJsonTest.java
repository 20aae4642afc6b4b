package dev.triad.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

class OfferResponseJsonTest {

    private final ObjectMapper written = new ObjectMapper();
    /** The same records written by Jackson's bean serializer: what the annotations alone describe. */
    private final ObjectMapper described = new ObjectMapper().addMixIn(OfferResponse.class, BeanSerialized.class);

    @JsonSerialize(using = JsonSerializer.None.class)
    private interface BeanSerialized {
    }

    @Test
    void shouldWriteEveryFieldOfEveryCardExactlyAsTheRecordsDescribe() throws Exception {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("boughtTogether", 42);
        evidence.put("rating", 4.5);
        evidence.put("reviewCount", 120);
        OfferResponse.View everyField = new OfferResponse.View(2, "bundle", true, "v-500-m", "p-helmet", "v-helmet",
                "Helmet \"Aero\" — ö", "https://cdn.example/h.jpg", "/products/helmet",
                List.of(new OfferResponse.Item("p-helmet", "v-helmet", "Helmet", "https://cdn.example/h.jpg",
                        "/products/helmet", "49.00")),
                "74.00", "66.60", 10, "MS5i.c2ln", "2026-12-02T10:00:00Z", 840L, "bundle", evidence);
        OfferResponse response = new OfferResponse("0123abcd", "bikes.example", "checkout", List.of(everyField),
                new OfferResponse.FreeShipping("1000.00", "201.00"), false, false);

        assertThat(written.writeValueAsString(response)).isEqualTo(described.writeValueAsString(response))
                .contains("\"recommended\":true", "\"discountPercent\":10", "\"countdown\":840", "\"rating\":4.5", "\"freeShipping\"");
    }

    @Test
    void shouldLeaveOutWhatACardDoesNotHave() throws Exception {
        OfferResponse.View addOn = new OfferResponse.View(1, "add_on", null, null, "p-lock", "v-lock", "Lock", null,
                "/products/lock", null, "25.00", "25.00", null, null, null, null, "merchant_pick", null);
        OfferResponse.View bundle = new OfferResponse.View(2, "bundle", true, null, null, null, null, null, null,
                List.of(new OfferResponse.Item("p-lock", null, null, null, null, "25.00")), "74.00", "66.60", 10,
                "MS5i.c2ln", "2026-12-02T10:00:00Z", null, "bundle", null);
        for (OfferResponse response : List.of(
                new OfferResponse("id", "bikes.example", "cart", List.of(addOn, bundle), null, false, false),
                new OfferResponse("id", "bikes.example", "product", List.of(), null, true, false),
                new OfferResponse("id", "bikes.example", "checkout", List.of(), null, false, true))) {
            String json = written.writeValueAsString(response);
            assertThat(json).isEqualTo(described.writeValueAsString(response)).doesNotContain("null");
        }
    }
}
