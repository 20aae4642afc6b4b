package dev.triad.shopifyapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The theme app extension ({@code platforms/shopify/extensions/triad-offers}) as Shopify's tools see it:
 * {@code src/test/js/theme-extension.test.mjs} lints it with {@code @shopify/theme-check-node} (the
 * configuration Shopify CLI applies to theme app extensions) and renders its app embed with
 * {@code liquidjs}. The browser test opens the pop-up the embed loads, through the App Proxy, from
 * Dawn's cart drawer.
 */
class ThemeAppExtensionTest {

    static final Path TESTS = Path.of("src", "test", "js");

    @Test
    void shouldPassShopifysThemeCheckAndRenderAnAppEmbedWithoutAKey() throws Exception {
        assumeTrue(Files.isDirectory(TESTS.resolve("node_modules/@shopify/theme-check-node")),
                "THEME APP EXTENSION CHECK SKIPPED: npm ci --prefix src/test/js has not run");
        Process node = new ProcessBuilder("node", "theme-extension.test.mjs").directory(TESTS.toFile())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(120, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
        System.out.println(output);
        assertEquals(0, node.exitValue(), "the theme app extension checks failed:\n" + output);
    }
}
