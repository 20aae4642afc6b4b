package dev.triad.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class PayloadsTest {

    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldReadShopifysAndWooCommercesChangeTimesAsTheSameInstant() {
        ObjectNode body = mapper.createObjectNode()
                .put("updated_at", "2026-11-23T10:00:00-05:00")
                .put("date_modified_gmt", "2026-11-23T15:00:00");

        assertThat(Payloads.changedAt(body, "updated_at")).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"))
                .isEqualTo(Payloads.changedAt(body, "date_modified_gmt"));
    }

    @Test
    void shouldTreatAMissingOrUnreadableChangeTimeAsNone() {
        ObjectNode body = mapper.createObjectNode().put("updated_at", "last tuesday");

        assertThat(Payloads.changedAt(body, "updated_at")).isNull();
        assertThat(Payloads.changedAt(body, "date_modified_gmt")).isNull();
    }
}
