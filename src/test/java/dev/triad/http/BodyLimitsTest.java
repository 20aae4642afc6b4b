package dev.triad.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * No request can make Triad hold more than its route's limit before a key, shop or signature is
 * checked: bodies are counted while they arrive, and compressed bodies are refused outside the
 * imports, so a small request can never unpack into a large one.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class BodyLimitsTest {

    /** 48 MiB of text that compresses about 2:1, sent as fast as the server takes it. */
    private static final long ENDLESS = 48L << 20;

    @Test
    void shouldStopReadingAnOversizedOfferBodyLongBeforeItsEndAndSayWhy() throws IOException {
        Exchange exchange = stream("/v1/shops/anything/offers", null);

        assertThat(exchange.status()).isEqualTo(413);
        assertThat(exchange.body()).contains("\"field\":\"body\"").contains("at most 65536 bytes");
        assertThat(exchange.sent()).as("bytes the client got to send before the answer")
                .isLessThan(ENDLESS / 4);
    }

    @Test
    void shouldRefuseACompressedBodyOnEveryRouteButTheImports() throws IOException {
        for (String path : new String[] {"/v1/shops/anything/offers", "/v1/shops/anything/events",
                "/webhooks/shopify", "/webhooks/woocommerce/anything", "/proxy/v1/offers"}) {
            Exchange exchange = stream(path, "gzip");

            assertThat(exchange.status()).as(path).isEqualTo(415);
            assertThat(exchange.body()).as(path).contains("\"field\":\"Content-Encoding\"");
            assertThat(exchange.sent()).as(path).isLessThan(ENDLESS / 4);
        }
    }

    @Test
    void shouldRefuseADeclaredLengthOverTheLimitBeforeTheBodyIsSent() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/shopify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1073741824\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("at most 2097152 bytes");
        }
    }

    @Test
    void shouldStillServeOtherShopsRightAfterARefusedBody() throws IOException {
        BikeShop bikes = BikeShop.register("limits-neighbour.example");
        stream("/v1/shops/anything/offers", null);

        bikes.offersForOneBike().then().statusCode(200).body("degraded", equalTo(false));
    }

    @Test
    void shouldTakeABodyJustUnderTheLimitWhole() {
        String padding = " ".repeat(65_536 - 200);
        given().header("X-Triad-Key", "pk_none").contentType("application/json")
                .body("{\"placement\":\"cart\",\"currency\":\"USD\",\"cart\":[{\"productId\":\"p\",\"quantity\":1,\"price\":\"1.00\"}]}"
                        + padding)
                .post("/v1/shops/limits-unknown.example/offers")
                .then().log().ifValidationFails().statusCode(404);
    }

    @Test
    void shouldRefuseAGzipBombOnTheImportsOnceItsInflatedSizePassesTheLimit() throws IOException {
        // %test.triad.limits.import-bytes is 32 MiB (application.properties); this archive is 96 MiB inflated.
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("order_id,product_id\n".getBytes(StandardCharsets.US_ASCII));
            byte[] row = "1,p\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 24 << 20; i++) {
                gzip.write(row);
            }
        }
        BikeShop.register("limits-bomb.example");

        given().header("Authorization", "Bearer " + RedisTestResource.OPERATOR_KEY).contentType("text/csv")
                .header("Content-Encoding", "gzip").body(zipped.toByteArray())
                .post("/admin/v1/shops/limits-bomb.example/orders")
                .then().statusCode(413).contentType("application/problem+json")
                .body("field", equalTo("body"))
                .body("report.stopped", equalTo("the body is larger than 33554432 bytes (after decompression)"));
    }

    record Exchange(int status, String body, long sent) {
    }

    /**
     * Sends {@value #ENDLESS} bytes chunked (gzipped when {@code encoding} says so) until the server
     * answers or closes; answers the status, the body and how many bytes went out.
     */
    private static Exchange stream(String path, String encoding) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream raw = socket.getOutputStream();
            raw.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Triad-Key: pk_none\r\nTransfer-Encoding: chunked\r\n"
                    + (encoding == null ? "" : "Content-Encoding: " + encoding + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Chunked chunked = new Chunked(raw);
            Random random = new Random(1);
            byte[] block = new byte[1 << 14];
            try {
                OutputStream body = encoding == null ? chunked : new GZIPOutputStream(chunked, 1 << 14);
                for (long written = 0; written < ENDLESS; written += block.length) {
                    for (int i = 0; i < block.length; i++) {
                        block[i] = (byte) ('a' + random.nextInt(16));
                    }
                    body.write(block);
                }
                body.close();
            } catch (IOException closedByServer) {
                // the server answered and closed: what was sent so far is the measure
            }
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            return new Exchange(status, answer.substring(answer.indexOf("\r\n\r\n") + 4), chunked.sent);
        }
    }

    /** HTTP/1.1 chunked transfer coding over a socket, counting what it sends. */
    private static final class Chunked extends OutputStream {
        private final OutputStream out;
        long sent;

        Chunked(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b, off, len);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            sent += len;
        }

        @Override
        public void close() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
