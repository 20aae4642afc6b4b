import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Build step (pom.xml, phase package): writes {@code target/quarkus-app/app-cds.jsa}, the class-data
 * archive that halves the packaged server's start-up to its first offer (docs/performance.md, "Offer-path
 * benchmark"). It is a training start: the packaged server runs as in a local run (its own Redis,
 * the demo shop) under {@code -XX:ArchiveClassesAtExit}, answers offers, an event, the widget script
 * and a health check as a storefront would ask them first, and is stopped; as it exits, the JVM
 * writes every class it loaded into the archive. An archive only fits the JDK that wrote it: the
 * server is trained by the {@code java} that runs this program, and another JDK ignores the archive
 * with a warning and starts as without it.
 *
 * <p>Usage: {@code java src/build/TrainClassArchive.java target/quarkus-app}
 */
public class TrainClassArchive {

    static final String ARCHIVE = "app-cds.jsa";
    static final String OFFERS = "{\"placement\":\"%s\",\"currency\":\"USD\",\"sessionId\":\"training-%d\",\"cart\":"
            + "[{\"productId\":\"p-trail-bike-500\",\"variantId\":\"v-trail-bike-500-m\",\"quantity\":1,\"price\":\"799.00\"}]}";

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args.length > 0 ? args[0] : "target/quarkus-app");
        String java = ProcessHandle.current().info().command().orElse("java");
        int port = freePort();
        Files.deleteIfExists(app.resolve(ARCHIVE));
        Process server = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + ARCHIVE, "-XX:+UseSerialGC",
                "-Dquarkus.profile=local", "-Dquarkus.http.port=" + port, "-Dtriad.local-redis.port=" + freePort(),
                "-jar", "quarkus-run.jar")
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(app.resolve("app-cds-training.log").toFile())
                .start();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitOffers(base, server);
            for (int i = 0; i < 20; i++) {
                ask("POST", base + "/v1/shops/demo/offers", String.format(OFFERS, i % 2 == 0 ? "cart" : "checkout", i));
            }
            ask("POST", base + "/v1/shops/demo/events", "{\"type\":\"impression\",\"sessionId\":\"training-0\","
                    + "\"placement\":\"cart\",\"offers\":[{\"tier\":1,\"kind\":\"add_on\",\"productIds\":[\"p-trail-helmet-pro\"]}]}");
            ask("GET", base + "/widget/v1/triad.js", null);
            ask("GET", base + "/q/health/ready", null);
        } finally {
            server.destroy(); // SIGTERM: an orderly exit, at which the archive is written
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                throw new IllegalStateException("the training server did not stop; see " + app.resolve("app-cds-training.log"));
            }
        }
        Path archive = app.resolve(ARCHIVE);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no archive written; see " + app.resolve("app-cds-training.log"));
        }
        System.out.printf("%s: %d MB of classes from a training start (run from %s: java -XX:SharedArchiveFile=%s -jar quarkus-run.jar)%n",
                archive, Files.size(archive) >> 20, app, ARCHIVE);
    }

    /** Asks for offers until the server answers them (it is starting), for at most a minute. */
    static void awaitOffers(String base, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the training server exited with " + server.exitValue());
            }
            try {
                if (ask("POST", base + "/v1/shops/demo/offers", String.format(OFFERS, "cart", 0)).contains("\"tier\"")) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the training server answered no offer within a minute");
    }

    static String ask(String method, String url, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        connection.setRequestProperty("X-Triad-Key", "pk_demo_triad");
        if (json != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        var body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        return body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
