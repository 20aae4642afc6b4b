package dev.triad.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The widget on a real storefront page in headless Chromium: src/test/js/widget.test.mjs drives a
 * local test storefront (static pages, fake Shopify and WooCommerce carts) against this Triad.
 * Runs where Chromium and the npm packages are installed ({@code apt-get install chromium},
 * {@code npm ci --prefix src/test/js}; .ci/run does both) and says clearly when it skips.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class WidgetBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TRIAD_CHROMIUM", "/usr/bin/chromium"));
    static final Path TESTS = Path.of("src", "test", "js");
    static final Path SCREENSHOTS = Path.of("target", "widget-screenshots");

    @Test
    void shouldShowTheRuleOfThreeOnAStorefrontAndStayOutOfTheWayInChromium() throws Exception {
        requireBrowser();
        int storePort = freePort();
        BikeShop bikes = BikeShop.register("widget-" + getClass().getSimpleName().toLowerCase() + ".example",
                Map.of("freeShippingThreshold", "1000.00"), List.of("http://127.0.0.1:" + storePort));
        Path log = Files.createDirectories(SCREENSHOTS).resolve("browser-tests.log");
        String images = "http://127.0.0.1:" + storePort + "/img/";
        picture(bikes, "p-helmet", "Helmet", "helmets", BikeShop.variant("v-helmet", "49.00", true), images + "helmet.svg");
        picture(bikes, "p-lock", "Lock", "locks", BikeShop.variant("v-lock", "25.00", true), images + "lock.svg");
        picture(bikes, "p-bike-700", "Trail Bike 700", "bikes", BikeShop.variant("v-700-m", "949.00", true),
                images + "bike.svg");
        ProcessBuilder node = new ProcessBuilder("node", "widget.test.mjs").directory(TESTS.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().putAll(Map.of(
                "TRIAD_URL", "http://localhost:" + RestAssured.port,
                "SHOP", bikes.shop,
                "KEY", bikes.publishableKey,
                "ADMIN_KEY", bikes.adminKey,
                "STORE_PORT", String.valueOf(storePort),
                "CHROMIUM", CHROMIUM.toString(),
                "SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString(),
                "SHOPIFY_SECRET", RedisTestResource.SHOPIFY_SECRET));
        Process run = node.start();
        if (!run.waitFor(180, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new AssertionError("the browser tests did not finish within 180 s");
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertEquals(0, run.exitValue(), "browser tests failed:\n" + output);
    }

    /** The product as the bike shop has it, with a picture served by the test storefront. */
    static void picture(BikeShop shop, String id, String title, String type, Map<String, Object> variant, String image) {
        RestAssured.given().header("Authorization", "Bearer " + shop.adminKey).contentType("application/json")
                .body(Map.of("title", title, "type", type, "image", image, "variants", List.of(variant)))
                .put("/admin/v1/shops/{shop}/products/{id}", shop.shop, id).then().statusCode(200);
    }

    static void requireBrowser() throws IOException, InterruptedException {
        String missing = null;
        if (!Files.isExecutable(CHROMIUM)) {
            missing = "Chromium is not installed at " + CHROMIUM + " (apt-get install chromium, or set TRIAD_CHROMIUM)";
        } else if (!Files.isDirectory(TESTS.resolve("node_modules").resolve("playwright-core"))) {
            missing = "playwright-core is not installed (npm ci --prefix src/test/js)";
        } else if (new ProcessBuilder("node", "--version").start().waitFor() != 0) {
            missing = "node is not installed";
        }
        if (missing != null) {
            System.out.println("BROWSER TESTS SKIPPED: " + missing);
        }
        Assumptions.assumeTrue(missing == null, "Browser tests skipped: " + missing);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
