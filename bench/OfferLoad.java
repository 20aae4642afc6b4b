import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load for the offer path, from a separate process on loopback.
 *
 *   rate URL SHOP KEY PRODUCTS RATE SECONDS  constant-rate load (-Dpath=… for another endpoint, -Dconnections=16,
 *       -DwarmupSeconds=5): every request has an intended send
 *       time (start + i / RATE) and its latency is measured from that time, not from when it was
 *       actually sent, so a stalled server is charged for the requests it delayed (no coordinated
 *       omission). Prints p50 / p90 / p99 / p99.9 / max in ms and the errors.
 *   wrk-script SHOP KEY PRODUCTS FILE       writes a wrk Lua script that posts the same carts in turn.
 *   size URL SHOP KEY PRODUCTS              prints the mean size of an offer answer, in bytes.
 *
 * Carts hold 1-5 lines of products drawn by Zipf's law (exponent 1) over p0..p(PRODUCTS-1), seeded.
 */
public class OfferLoad {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "rate" -> rate(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
            case "wrk-script" -> wrkScript(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
            case "size" -> size(args[1], args[2], args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static List<String> carts(int products, int count) {
        double[] cumulative = new double[products];
        double sum = 0;
        for (int r = 0; r < products; r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        SplittableRandom random = new SplittableRandom(5);
        List<String> carts = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int lines = 1 + random.nextInt(5);
            StringBuilder body = new StringBuilder("{\"placement\":\"checkout\",\"currency\":\"USD\",\"cart\":[");
            for (int l = 0; l < lines; l++) {
                int idx = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                int p = idx >= 0 ? idx : -idx - 1;
                body.append(l == 0 ? "" : ",").append("{\"productId\":\"p").append(p).append("\",\"variantId\":\"v")
                        .append(p).append("-0\",\"quantity\":1,\"price\":\"").append(5 + p % 400).append(".00\"}");
            }
            carts.add(body.append("]}").toString());
        }
        return carts;
    }

    /**
     * The cart with the session that asks: a shopper asks about three times (product page, cart,
     * checkout), so every third request comes from a new session, as on a real storefront.
     */
    static String withSession(String cart, String run, int request) {
        return "{\"sessionId\":\"s" + run + "-" + request / SESSION_ASKS + "\"," + cart.substring(1);
    }

    static final int SESSION_ASKS = 3;

    static HttpRequest request(String url, String shop, String key, String body) {
        return HttpRequest.newBuilder(URI.create(url + "/v1/shops/" + shop + "/offers"))
                .header("Content-Type", "application/json").header("X-Triad-Key", key)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * Constant rate over CONNECTIONS persistent HTTP/1.1 connections, one thread each: thread k owns
     * the requests k, k + CONNECTIONS, … and sends each at its intended time, or at once when late;
     * the latency of every request is counted from its intended time.
     */
    static void rate(String url, String shop, String key, int products, int rate, int seconds) throws Exception {
        List<String> carts = carts(products, 10_000);
        String run = Long.toString(System.nanoTime(), 36);
        URI uri = URI.create(url);
        int connections = Integer.getInteger("connections", 16);
        String path = System.getProperty("path", "/v1/shops/" + shop + "/offers");
        // The generator's own first seconds (class loading, JIT on a shared 2-core box) are not the server's latency.
        int skipped = rate * Integer.getInteger("warmupSeconds", 5);
        int total = rate * seconds + skipped;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < connections; k++) {
            int first = k;
            Thread t = new Thread(() -> {
                try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
                    socket.setTcpNoDelay(true);
                    var out = new java.io.BufferedOutputStream(socket.getOutputStream());
                    var in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
                    for (int i = first; i < total; i += connections) {
                        long intended = start + i * interval;
                        long wait = intended - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        byte[] body = withSession(carts.get(i % carts.size()), run, i).getBytes(StandardCharsets.UTF_8);
                        out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost()
                                + "\r\nContent-Type: application/json\r\nX-Triad-Key: " + key
                                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.flush();
                        int status = readResponse(in);
                        latencies[i] = System.nanoTime() - intended;
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (java.io.IOException e) {
                    errors.incrementAndGet();
                    System.err.println("connection failed: " + e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        String trace = System.getProperty("trace");
        if (trace != null) { // one line per request: intended send time (ms from start), latency (ms)
            StringBuilder lines = new StringBuilder();
            for (int i = skipped; i < total; i++) {
                lines.append(i * interval / 1_000_000).append(' ').append(latencies[i] / 1e6).append('\n');
            }
            Files.writeString(Path.of(trace), lines);
        }
        long[] measured = Arrays.copyOfRange(latencies, skipped, total);
        Arrays.sort(measured);
        System.out.printf("requests %d at %d/s for %d s over %d connections after %d warm-up requests "
                + "(achieved %.0f/s), errors %d%n", total - skipped, rate, seconds, connections, skipped,
                total / (elapsed / 1e9), errors.get());
        System.out.printf("latency ms (from intended send time): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n",
                pct(measured, 50), pct(measured, 90), pct(measured, 99), pct(measured, 99.9),
                measured[measured.length - 1] / 1e6);
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked) and answers its status. */
    static int readResponse(java.io.InputStream in) throws java.io.IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        int length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String h = header.toLowerCase(java.util.Locale.ROOT);
            if (h.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                in.readNBytes(size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            in.readNBytes(length);
        }
        return code;
    }

    static String line(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new java.io.EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static void wrkScript(String shop, String key, int products, Path file) throws Exception {
        StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n")
                .append("wrk.headers[\"X-Triad-Key\"] = \"").append(key).append("\"\nlocal bodies = {\n");
        for (String cart : carts(products, 2_000)) {
            lua.append("  [[").append(cart).append("]],\n");
        }
        // Sessions as in withSession: each thread numbers its own, every SESSION_ASKS requests a new one.
        lua.append("}\nlocal i = 0\nlocal n = 0\nlocal run = os.time()\nlocal threads = 0\n")
                .append("function setup(thread)\n  threads = threads + 1\n  thread:set(\"tid\", threads)\nend\n")
                .append("request = function()\n  i = i % #bodies + 1\n  n = n + 1\n")
                .append("  local body = '{\"sessionId\":\"s' .. run .. '-' .. tid .. '-' .. math.floor(n / ").append(SESSION_ASKS)
                .append(") .. '\",' .. bodies[i]:sub(2)\n")
                .append("  return wrk.format(nil, \"/v1/shops/").append(shop).append("/offers\", nil, body)\nend\n");
        Files.writeString(file, lua.toString(), StandardCharsets.UTF_8);
    }

    static void size(String url, String shop, String key, int products) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long bytes = 0;
        int offers = 0;
        List<String> carts = carts(products, 500);
        for (String cart : carts) {
            String body = http.send(request(url, shop, key, cart), HttpResponse.BodyHandlers.ofString()).body();
            bytes += body.getBytes(StandardCharsets.UTF_8).length;
            offers += body.split("\"tier\"").length - 1;
        }
        System.out.println(bytes / carts.size() + " " + String.format("%.2f", (double) offers / carts.size()));
    }
}
