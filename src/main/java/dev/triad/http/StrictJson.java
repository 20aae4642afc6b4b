package dev.triad.http;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A JSON object that names a field twice is refused (400), not read as whichever came last: a
 * shop's settings or a webhook must mean one thing. The offer path reads its small, machine-made
 * bodies without this check ({@code OfferRequest.reader}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
