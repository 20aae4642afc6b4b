package dev.triad.wooplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.triad.support.RedisTestResource;
import dev.triad.support.WordPressSite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

/**
 * The WooCommerce plugin, installed from the zip the build makes ({@code target/triad-for-woocommerce.zip}) into a
 * real WordPress ({@link WordPressSite}), activated, and exercised by its PHPUnit suite
 * (platforms/woocommerce/tests/php) against this packaged Triad: connecting with an operator's connect token,
 * the webhooks WooCommerce delivers, the first sync and the reconciliation through Action Scheduler, bundle
 * discounts from Triad-minted tokens charged exactly (and refused when tampered or expired), the storefront.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(RedisTestResource.class)
class WooCommercePluginIT {

    static final Path WORK = Path.of("target", "woocommerce");

    @Test
    void thePluginZipInstallsInWordPressAndPassesItsPhpunitSuiteAgainstThisTriad() throws Exception {
        WordPressSite.requirePhp();
        assertTrue(Files.isRegularFile(WordPressSite.PLUGIN_ZIP), "the build made the plugin's zip");
        Path site = WordPressSite.install(WORK.resolve("site"));
        Path log = WORK.resolve("phpunit.log");
        ProcessBuilder phpunit = new ProcessBuilder("phpunit", "-c", WordPressSite.TESTS.resolve("phpunit.xml").toString(),
                "--log-junit", WORK.resolve("phpunit-junit.xml").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        phpunit.environment().put("WP_ROOT", site.toString());
        phpunit.environment().put("TRIAD_URL", "http://localhost:" + RestAssured.port);
        phpunit.environment().put("TRIAD_ADMIN_KEY", RedisTestResource.OPERATOR_KEY);
        Process run = phpunit.start();
        if (!run.waitFor(10, TimeUnit.MINUTES)) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertEquals(0, run.exitValue(), "the plugin's PHPUnit suite failed:\n" + output);
        assertTrue(output.contains("OK ("), "PHPUnit ran and passed every test:\n" + output);
    }
}
