package dev.triad.shopifyapp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A bulk operation's file (JSONL: a Product or Order line, then its ProductVariant or LineItem lines
 * naming it in {@code __parentId}; shopify.dev: nested objects follow their parent) read as Triad's
 * NDJSON products or orders, one at a time as the import asks for bytes: the file is never held
 * whole. A line that does not parse, or a child away from its parent, is skipped and reported with
 * its number when the file ends.
 */
final class JsonlGroups extends InputStream {

    /** How the lines of one kind of file become Triad's bodies. */
    record Shape(String child, Function<JsonNode, ObjectNode> parent, BiConsumer<ObjectNode, JsonNode> addChild,
            Consumer<ObjectNode> finish) {
    }

    private final BufferedReader in;
    private final ObjectMapper mapper;
    private final Shape shape;
    private final Consumer<List<String>> skipped;
    private final List<String> problems = new ArrayList<>();
    private ObjectNode current;
    private byte[] pending = new byte[0];
    private int at;
    private long line;
    private boolean ended;

    JsonlGroups(InputStream jsonl, ObjectMapper mapper, Shape shape, Consumer<List<String>> skipped) {
        this.in = new BufferedReader(new InputStreamReader(jsonl, StandardCharsets.UTF_8));
        this.mapper = mapper;
        this.shape = shape;
        this.skipped = skipped;
    }

    @Override
    public int read() throws IOException {
        return fill() ? pending[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, pending.length - at);
        System.arraycopy(pending, at, into, offset, n);
        at += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        while (at >= pending.length) {
            if (ended) {
                return false;
            }
            ObjectNode group = next();
            if (group == null) {
                ended = true;
                if (!problems.isEmpty()) {
                    skipped.accept(problems);
                }
                return false;
            }
            shape.finish().accept(group);
            pending = (group + "\n").getBytes(StandardCharsets.UTF_8);
            at = 0;
        }
        return true;
    }

    /** The next complete group: the one a new parent line (or the end of the file) closes. */
    private ObjectNode next() throws IOException {
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(text);
            } catch (IOException e) {
                problems.add("line " + line + ": " + e.getMessage());
                continue;
            }
            String parent = node.path("__parentId").asText(null);
            if (parent == null) {
                ObjectNode finished = current;
                current = shape.parent().apply(node);
                if (finished != null) {
                    return finished;
                }
                continue;
            }
            if (current == null || !ShopifySync.numeric(parent).equals(current.path("id").asText())) {
                problems.add("line " + line + ": a " + shape.child() + " away from its parent");
                continue;
            }
            shape.addChild().accept(current, node);
        }
        ObjectNode last = current;
        current = null;
        return last;
    }
}
