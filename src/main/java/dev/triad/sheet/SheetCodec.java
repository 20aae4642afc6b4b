package dev.triad.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private final JsonFactory factory;
    private final ObjectWriter writer;

    public SheetCodec(ObjectMapper mapper) {
        ObjectMapper compact = mapper.copy().addMixIn(Candidate.class, CandidateAsArray.class);
        this.factory = compact.getFactory();
        this.writer = compact.writerFor(OfferSheet.class);
    }

    /**
     * Reads a stored sheet on the offer path: a hand-written pass over Jackson's token stream, which
     * costs a fraction of data binding into records (measured in {@code OfferPathBenchmark}).
     */
    public OfferSheet read(byte[] json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            expect(p, JsonToken.START_OBJECT);
            String productId = null;
            List<String> pinnedComplements = List.of();
            List<String> pinnedUpgrades = List.of();
            List<Candidate> complements = List.of();
            List<Candidate> upgrades = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "productId" -> productId = p.getValueAsString();
                    case "pinnedComplements" -> pinnedComplements = strings(p);
                    case "pinnedUpgrades" -> pinnedUpgrades = strings(p);
                    case "complements" -> complements = candidates(p);
                    case "upgrades" -> upgrades = candidates(p);
                    default -> p.skipChildren();
                }
            }
            return new OfferSheet(productId, pinnedComplements, pinnedUpgrades, complements, upgrades);
        }
    }

    private static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(p.getValueAsString());
        }
        return values;
    }

    private static List<Candidate> candidates(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        List<Candidate> values = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            values.add(candidate(p));
        }
        return values;
    }

    /** One candidate, in {@link CandidateAsArray}'s order. */
    private static Candidate candidate(JsonParser p) throws IOException {
        String productId = text(p);
        String variantId = text(p);
        String title = text(p);
        String price = text(p);
        String image = text(p);
        String url = text(p);
        boolean inStock = p.nextToken() == JsonToken.VALUE_TRUE;
        boolean pinned = p.nextToken() == JsonToken.VALUE_TRUE;
        p.nextToken();
        double score = p.getValueAsDouble();
        p.nextToken();
        int pairCount = p.getValueAsInt();
        Double rating = p.nextToken() == JsonToken.VALUE_NULL ? null : p.getValueAsDouble();
        Integer reviewCount = p.nextToken() == JsonToken.VALUE_NULL ? null : p.getValueAsInt();
        expect(p, JsonToken.END_ARRAY);
        return new Candidate(productId, variantId, title, price == null ? null : new BigDecimal(price), image, url,
                inStock, pinned, score, pairCount, rating, reviewCount);
    }

    private static String text(JsonParser p) throws IOException {
        return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.nextToken() != token) {
            throw new JsonParseException(p, "Not a stored offer sheet: expected " + token + ", found " + p.currentToken());
        }
    }

    /** The stored sheet, or null for no value; an unreadable value is a bug or corruption, never hidden. */
    public OfferSheet read(String json) {
        try {
            return json == null ? null : read(json.getBytes(StandardCharsets.UTF_8));
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
