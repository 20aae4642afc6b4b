package dev.triad.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * An upload that cannot be read to its end — cut short, corrupt, a row too large — either reports
 * exactly what it took and where it stopped, or takes nothing; never a 200 with half the orders,
 * never a 500.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class InterruptedUploadTest {

    @Test
    void shouldTakeTheCompleteOrdersBeforeAGzipCutInHalfAndSayWhereItStopped() throws IOException {
        BikeShop bikes = BikeShop.register("upload-cut.example");
        byte[] whole = gzip(orders(2000));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        JsonPath refused = importOrders(bikes, half).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://triad.dev/problems/upload-incomplete"))
                .body("report.stopped", containsString("cut short")).extract().jsonPath();

        long taken = refused.getLong("report.ordersTaken");
        String last = refused.getString("report.lastOrder");
        assertThat(taken).isBetween(1L, 1999L);
        assertThat(last).isEqualTo("o-" + (taken - 1));
        assertThat(Redis.command("HLEN", "triad:{upload-cut.example}:orders")).isEqualTo(":" + taken);

        importOrders(bikes, whole).then().statusCode(200).body("ordersTaken", equalTo((int) (2000 - taken)))
                .body("ordersSkipped", equalTo((int) taken));
        assertThat(Redis.command("HLEN", "triad:{upload-cut.example}:orders")).isEqualTo(":2000");
    }

    @Test
    void shouldSayAGzipIsCorruptInsteadOfAnsweringNothing() throws IOException {
        BikeShop bikes = BikeShop.register("upload-corrupt.example");
        byte[] corrupt = gzip(orders(2000));
        for (int i = corrupt.length / 2; i < corrupt.length / 2 + 64; i++) {
            corrupt[i] ^= 0x5a;
        }

        importOrders(bikes, corrupt).then().statusCode(400)
                .body("type", equalTo("https://triad.dev/problems/upload-incomplete"))
                .body("report.stopped", containsString("corrupt"));
    }

    @Test
    void shouldTakeNoProductOfACatalogCutShort() throws IOException {
        BikeShop bikes = BikeShop.register("upload-catalog-cut.example");
        StringBuilder ndjson = new StringBuilder();
        for (int p = 0; p < 3000; p++) {
            ndjson.append("{\"id\":\"c-").append(p).append("\",\"title\":\"Cut ").append(p)
                    .append("\",\"variants\":[{\"id\":\"cv-").append(p).append("\",\"price\":\"1.00\"}]}\n");
        }
        byte[] whole = gzip(ndjson.toString());

        given().header("Authorization", "Bearer " + bikes.adminKey).contentType("application/x-ndjson")
                .header("Content-Encoding", "gzip").body(Arrays.copyOf(whole, whole.length / 2))
                .post("/admin/v1/shops/{shop}/catalog", bikes.shop)
                .then().statusCode(400).body("detail", containsString("No product was taken"));

        assertThat(Redis.keys("triad:{upload-catalog-cut.example}:product:c-*")).isEmpty();
    }

    @Test
    void shouldReadAnImportWhoseFirstLineIsLongerThanSixtyFourKilobytes() {
        BikeShop bikes = BikeShop.register("upload-long-header.example");
        String csv = "order_id,product_id," + "x".repeat(70_000) + "\nlong-1,p-bike-500,\nlong-1,p-helmet,\n";

        given().header("Authorization", "Bearer " + bikes.adminKey).contentType("text/csv").body(csv)
                .post("/admin/v1/shops/{shop}/orders", bikes.shop)
                .then().statusCode(200).body("ordersTaken", equalTo(1));
    }

    @Test
    void shouldStopAtALineLongerThanAnImportReadsAndSaySo() throws IOException {
        BikeShop bikes = BikeShop.register("upload-long-field.example");
        String csv = "order_id,product_id,title\nf-0,p-lock,lock\nf-1,p-bike-500,bike\nf-2,p-helmet,\"" + "y".repeat(17 << 20) + "\"\n";

        // The server answers as soon as the line passes the limit and closes: like any client that
        // keeps sending, this one reads the answer after its write fails.
        String answer = post("/admin/v1/shops/" + bikes.shop + "/orders", bikes.adminKey,
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(answer).startsWith("HTTP/1.1 400").contains("line 4").contains("\"lastOrder\":\"f-0\"");
    }

    private static String post(String path, String adminKey, byte[] body) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Connection: close\r\nAuthorization: Bearer " + adminKey + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedByServer) {
                // answered before the end of the body
            }
            byte[] head = new byte[1 << 16];
            int n = 0;
            for (int r; n < head.length && (r = socket.getInputStream().read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
            return new String(head, 0, n, StandardCharsets.UTF_8);
        }
    }

    private static Response importOrders(BikeShop bikes, byte[] gzipped) {
        return given().header("Authorization", "Bearer " + bikes.adminKey).contentType("text/csv")
                .header("Content-Encoding", "gzip").body(gzipped).post("/admin/v1/shops/{shop}/orders", bikes.shop);
    }

    /** Orders o-0 … o-(n-1) of two lines each, with random-looking titles so that the archive is long. */
    private static String orders(int n) {
        StringBuilder csv = new StringBuilder("order_id,product_id,price,title\n");
        java.util.Random random = new java.util.Random(5);
        for (int o = 0; o < n; o++) {
            for (int l = 0; l < 2; l++) {
                csv.append("o-").append(o).append(",p-").append(random.nextInt(200)).append(",1.00,t")
                        .append(Long.toHexString(random.nextLong())).append('\n');
            }
        }
        return csv.toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
