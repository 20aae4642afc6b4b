package dev.triad.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.problem.ProblemException;

/** NDJSON, one object a line: each is handed over, and each refused line reported with its number. */
final class NdjsonLines {

    private NdjsonLines() {
    }

    /**
     * Whether the body is NDJSON: by content type ({@code ndjson}, {@code jsonl}) or a first line
     * opening an object. Leaves the reader where it was; refuses an empty body.
     */
    static boolean detect(BufferedReader in, String contentType) throws IOException {
        // The first character that is not white space tells; a first line of any length is fine.
        in.mark(1 << 16);
        int c = in.read();
        for (int read = 1; c >= 0 && Character.isWhitespace(c) && read < 1 << 16; read++) {
            c = in.read();
        }
        in.reset();
        if (c < 0) {
            throw ProblemException.invalid("body", "The body is empty");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.contains("ndjson") || type.contains("jsonl") || c == '{';
    }

    /** Takes one line's object; throws IllegalArgumentException or ProblemException (with the reason) to refuse it. */
    interface Handler {
        void accept(JsonNode node) throws IOException;
    }

    /** Reads every line; {@code onRefused} runs once per refused line (to count it). */
    static void read(BufferedReader in, ObjectMapper mapper, ImportReport report, Handler handler, Runnable onRefused)
            throws IOException {
        long number = 0;
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            String refusal;
            try {
                handler.accept(mapper.readTree(text));
                continue;
            } catch (ProblemException e) {
                refusal = "'" + e.field() + "': " + e.getMessage();
            } catch (IllegalArgumentException e) {
                refusal = e.getMessage();
            } catch (IOException e) {
                refusal = "not a JSON object of the expected shape";
            }
            onRefused.run();
            report.problem(number, refusal);
        }
    }
}
