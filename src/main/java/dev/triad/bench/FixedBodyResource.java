package dev.triad.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.triad.TriadConfig;
import dev.triad.problem.ProblemException;
import io.smallrye.common.annotation.NonBlocking;

/**
 * {@code POST /bench/v1/fixed?bytes=N} — the benchmark's floor: the same server, the same HTTP and
 * REST layers as the offer path, on the event loop as the offer path is, taking the request body
 * (unparsed) and answering a fixed JSON body of N bytes, without Redis or selection: the cheapest
 * answer of that size the server can give, so that offers can never measure above it. Only with
 * {@code triad.bench.enabled=true}; 404 otherwise.
 */
@Path("/bench/v1/fixed")
public class FixedBodyResource {

    private final boolean enabled;
    private final ConcurrentHashMap<Integer, byte[]> bodies = new ConcurrentHashMap<>();

    public FixedBodyResource(TriadConfig config) {
        this.enabled = config.bench().enabled();
    }

    @POST
    @NonBlocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] fixed(@QueryParam("bytes") int bytes, byte[] request) {
        if (!enabled) {
            throw ProblemException.notFound("path", "Benchmark endpoints are off (triad.bench.enabled)");
        }
        return bodies.computeIfAbsent(Math.max(2, Math.min(bytes, 4 << 20)), FixedBodyResource::body);
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[size - 1] = '}';
        byte[] field = "\"fixed\":true".getBytes(StandardCharsets.US_ASCII);
        if (size > field.length + 2) {
            System.arraycopy(field, 0, body, 1, field.length);
        }
        return body;
    }
}
