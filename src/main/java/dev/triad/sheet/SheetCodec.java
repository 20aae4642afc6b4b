package dev.triad.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * How an offer sheet is stored: JSON with each candidate as an array in a fixed field order. The
 * offer path parses several sheets per request, so field names repeated for every candidate
 * would be most of the bytes it reads and most of its parsing time. The admin API still shows
 * sheets with named fields.
 */
@ApplicationScoped
public class SheetCodec {

    @io.quarkus.runtime.annotations.RegisterForReflection
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({ "productId", "variantId", "title", "price", "image", "url", "inStock", "pinned", "score",
            "pairCount", "rating", "reviewCount" })
    abstract static class CandidateAsArray {
    }

    private final ObjectReader reader;
    private final ObjectWriter writer;

    public SheetCodec(ObjectMapper mapper) {
        ObjectMapper compact = mapper.copy().addMixIn(Candidate.class, CandidateAsArray.class);
        this.reader = compact.readerFor(OfferSheet.class);
        this.writer = compact.writerFor(OfferSheet.class);
    }

    public OfferSheet read(byte[] json) throws IOException {
        return reader.readValue(json);
    }

    /** The stored sheet, or null for no value; an unreadable value is a bug or corruption, never hidden. */
    public OfferSheet read(String json) {
        try {
            return json == null ? null : reader.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored offer sheet is unreadable", e);
        }
    }

    public String write(OfferSheet sheet) {
        try {
            return writer.writeValueAsString(sheet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
