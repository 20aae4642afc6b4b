package dev.triad.problem;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;

/** A request body read as JSON, or a 400 problem naming the field (or {@code body}) that is wrong. */
public final class JsonBody {

    private JsonBody() {
    }

    /** The object {@code reader} reads from {@code body}; an empty body or JSON {@code null} is refused. */
    public static <T> T read(ObjectReader reader, byte[] body) {
        try {
            T value = body.length == 0 ? null : reader.readValue(body);
            if (value == null) {
                throw ProblemException.invalid("body", "The body must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ProblemMapper.fromJson(e);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "The body could not be read");
        }
    }
}
