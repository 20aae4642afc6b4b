package dev.triad.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import io.restassured.RestAssured;

/**
 * The browser tests of src/test/js/widget.test.mjs, run in headless Chromium against the Triad under
 * test. They run where Chromium and the npm packages are installed ({@code apt-get install chromium},
 * {@code npm ci --prefix src/test/js}; .ci/run does both) and say clearly when they skip.
 */
public final class BrowserTests {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TRIAD_CHROMIUM", "/usr/bin/chromium"));
    public static final Path TESTS = Path.of("src", "test", "js");
    public static final Path SCREENSHOTS = Path.of("target", "widget-screenshots");

    private BrowserTests() {
    }

    /**
     * Runs the browser tests of {@code suite} (src/test/js/widget.test.mjs) against this Triad, on a test
     * storefront of {@code shop} at {@code storePort}; fails with their output when one fails.
     */
    public static void run(String suite, int storePort, String shop, String key, String adminKey)
            throws IOException, InterruptedException {
        Path log = Files.createDirectories(SCREENSHOTS).resolve("browser-tests-" + suite + ".log");
        ProcessBuilder node = new ProcessBuilder("node", "widget.test.mjs").directory(TESTS.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().putAll(Map.of(
                "SUITE", suite,
                "TRIAD_URL", "http://localhost:" + RestAssured.port,
                "SHOP", shop,
                "KEY", key,
                "ADMIN_KEY", adminKey,
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

    /** Runs the Node test file {@code script} of src/test/js with {@code env}; fails with its output when a test fails. */
    public static void runScript(String script, Map<String, String> env) throws IOException, InterruptedException {
        Path log = Files.createDirectories(SCREENSHOTS).resolve(script.replace(".mjs", ".log"));
        ProcessBuilder node = new ProcessBuilder("node", script).directory(TESTS.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().putAll(env);
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        node.environment().put("SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString());
        node.environment().put("TRIAD_URL", "http://localhost:" + RestAssured.port);
        Process run = node.start();
        if (!run.waitFor(180, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new AssertionError(script + " did not finish within 180 s");
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertEquals(0, run.exitValue(), script + " failed:\n" + output);
    }

    public static void requireBrowser() throws IOException, InterruptedException {
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

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
