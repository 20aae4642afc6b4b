package dev.triad.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.triad.local.RedisServerProcess;
import dev.triad.support.Orders;
import dev.triad.support.Stores;
import io.vertx.core.json.JsonObject;

/**
 * The packaged server killed with SIGKILL in the middle of a rebuild, as a crashed instance or an
 * out-of-memory kill would leave it: the rebuild lock stays behind, orders acknowledged by the next
 * process meanwhile are parked, and once the dead process's lease runs out the next rebuild counts
 * every one of them (its report says so). Nothing that was acknowledged is lost.
 *
 * <p>Runs {@code target/quarkus-app/quarkus-run.jar} in processes of its own (the packaged-jar tests'
 * launcher cannot kill its server mid-request), against a real redis-server. The order webhooks are
 * Shopify's {@code orders/create} shape (see {@link Orders#shopify}).
 */
class KilledMidRebuildIT {

    private static final String OPERATOR_KEY = "killed-mid-rebuild-operator";
    private static final String SHOPIFY_SECRET = "killed-mid-rebuild-secret";
    private static final String SHOP = "killed-mid-rebuild.myshopify.com";
    private static final String LOCK = "triad:{" + SHOP + "}:rebuild-lock";
    private static final int IMPORTED_ORDERS = 40_000;
    private static final Duration LEASE = Duration.ofSeconds(8);

    private final HttpClient http = HttpClient.newHttpClient();
    private Path scratch;
    private RedisServerProcess redis;
    private Process server;
    private int serverPort;

    @BeforeEach
    void startRedis() throws IOException {
        scratch = Files.createTempDirectory("triad-killed-mid-rebuild");
        redis = RedisServerProcess.start(freePort(), scratch);
    }

    @AfterEach
    void stopEverything() {
        if (server != null) {
            server.destroyForcibly();
        }
        redis.close();
    }

    @Test
    void shouldApplyEveryAcknowledgedOrderAfterTheServerIsKilledInTheMiddleOfARebuild() throws Exception {
        startServer();
        assertThat(admin("PUT", "/admin/v1/shops/" + SHOP, "application/json",
                "{\"platform\":\"shopify\",\"currency\":\"USD\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> imported = admin("POST", "/admin/v1/shops/" + SHOP + "/orders", "text/csv",
                syntheticOrders(IMPORTED_ORDERS, 2_000));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        // The shop is built; an operator's rebuild holds its lock: kill the server there.
        var rebuilding = http.sendAsync(request("POST", "/admin/v1/shops/" + SHOP + "/rebuild", "application/json", ""),
                HttpResponse.BodyHandlers.ofString());
        awaitLock();
        server.destroyForcibly().waitFor();
        assertThat(rebuilding).failsWithin(Duration.ofSeconds(10));

        startServer();
        assertThat(Long.parseLong(redis.command("PTTL", LOCK).substring(1)))
                .as("the killed rebuild's lock is still held when the next process starts").isPositive();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String body = Orders.shopify("after-the-kill-" + i, null, null, "p-1", "20.00", "p-2", "12.00");
            HttpResponse<String> answer = shopifyOrder(body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            acknowledged.add(body);
        }
        assertThat(redis.command("HLEN", "triad:{" + SHOP + "}:orders-pending"))
                .as("orders that arrive under the dead process's lock are parked").isEqualTo(":3");

        awaitLockExpired();
        HttpResponse<String> rebuilt = admin("POST", "/admin/v1/shops/" + SHOP + "/rebuild", "application/json", "");
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(new JsonObject(rebuilt.body()).getLong("orders")).isEqualTo(IMPORTED_ORDERS + acknowledged.size());
        assertThat(redis.command("EXISTS", "triad:{" + SHOP + "}:orders-pending")).isEqualTo(":0");
    }

    private void startServer() throws IOException, InterruptedException {
        serverPort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        server = new ProcessBuilder(java, "-Xmx512m",
                "-Dquarkus.http.port=" + serverPort,
                "-Dquarkus.redis.hosts=redis://127.0.0.1:" + redis.port(),
                "-Dtriad.admin-key=" + OPERATOR_KEY,
                "-Dtriad.shopify.api-secret=" + SHOPIFY_SECRET,
                "-Dtriad.rebuild.lease=" + LEASE.toMillis() + "ms",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("server-" + serverPort + ".log").toFile())
                .start();
        for (int i = 0; i < 300; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            assertThat(server.isAlive()).as("server started; see " + scratch).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("The packaged server did not become ready; see " + scratch);
    }

    private void awaitLock() throws IOException, InterruptedException {
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < end;) {
            if (":1".equals(redis.command("EXISTS", LOCK))) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("The import never started its rebuild");
    }

    private void awaitLockExpired() throws IOException, InterruptedException {
        for (int i = 0; i < 200 && ":1".equals(redis.command("EXISTS", LOCK)); i++) {
            Thread.sleep(50);
        }
        assertThat(redis.command("EXISTS", LOCK)).as("the dead rebuild's lock let go after its lease").isEqualTo(":0");
    }

    private HttpResponse<String> shopifyOrder(String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(uri("/webhooks/shopify"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Hmac-Sha256", Stores.sign(SHOPIFY_SECRET, bytes))
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", SHOP)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String method, String path, String type, String body)
            throws IOException, InterruptedException {
        return http.send(request(method, path, type, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String type, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + OPERATOR_KEY)
                .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + serverPort + path);
    }

    /** {@code orders} orders of 2-6 lines over {@code products} products, popular ones more often. */
    private static String syntheticOrders(int orders, int products) {
        SplittableRandom random = new SplittableRandom(14);
        StringBuilder csv = new StringBuilder("order_id,product_id,quantity,price\n");
        for (int o = 0; o < orders; o++) {
            int lines = 2 + random.nextInt(5);
            int first = (int) Math.pow(products, random.nextDouble());
            for (int l = 0; l < lines; l++) {
                int product = (first + l * (1 + random.nextInt(products / 10))) % products;
                csv.append('o').append(o).append(",p-").append(product).append(",1,10.00\n");
            }
        }
        return csv.toString();
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
