package dev.triad.ingest;

import java.io.BufferedReader;
import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.problem.ProblemException;

/** NDJSON, one object a line: each is handed over, and each refused line reported with its number. */
final class NdjsonLines {

    private NdjsonLines() {
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
