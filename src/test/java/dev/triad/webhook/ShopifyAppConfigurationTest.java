package dev.triad.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * {@code platforms/shopify/shopify.app.toml} says to Shopify what Triad serves: every topic it
 * subscribes to is one Triad takes (and every one Triad takes is subscribed), the three compliance
 * topics, the routes of the app URL, proxy and webhooks, and no scope beyond reading products, stock
 * and orders. The keys are those of Shopify CLI's app configuration (shopify.dev, "App configuration").
 * {@code configure.sh} fills every placeholder at once.
 */
class ShopifyAppConfigurationTest {

    static final Path APP = Path.of("platforms", "shopify");

    @Test
    void shouldSubscribeToExactlyTheTopicsTriadTakesWithTheScopesItNeeds() throws IOException {
        JsonNode app = new TomlMapper().readTree(APP.resolve("shopify.app.toml").toFile());

        Set<String> subscribed = new TreeSet<>();
        Set<String> compliance = new TreeSet<>();
        for (JsonNode subscription : app.path("webhooks").path("subscriptions")) {
            subscription.path("topics").forEach(t -> subscribed.add(t.asText()));
            subscription.path("compliance_topics").forEach(t -> compliance.add(t.asText()));
            assertThat(subscription.path("uri").asText()).isEqualTo("TRIAD_URL/webhooks/shopify");
        }
        Set<String> taken = new TreeSet<>();
        Set<String> mandatory = new TreeSet<>();
        for (ShopifyTopic topic : ShopifyTopic.values()) {
            (topic.compliance ? mandatory : taken).add(topic.name);
        }
        assertThat(subscribed).isEqualTo(taken);
        assertThat(compliance).isEqualTo(mandatory).containsExactlyInAnyOrder("customers/data_request", "customers/redact",
                "shop/redact");
        assertThat(app.path("access_scopes").path("scopes").asText().split(","))
                .containsExactlyInAnyOrder("read_products", "read_inventory", "read_orders", "write_discounts");
        assertThat(app.path("application_url").asText()).isEqualTo("TRIAD_URL/shopify/app");
        assertThat(app.path("embedded").asBoolean()).isTrue();
        assertThat(app.path("app_proxy").path("url").asText()).isEqualTo("TRIAD_URL/proxy/v1");
        assertThat(app.path("webhooks").path("api_version").asText()).isEqualTo("2025-10");
    }

    @Test
    void shouldFillEveryPlaceholderWithOneConfigureStep() throws Exception {
        Path copy = Files.createTempDirectory("triad-shopify-app");
        Files.copy(APP.resolve("shopify.app.toml"), copy.resolve("shopify.app.toml"));
        Files.copy(APP.resolve("configure.sh"), copy.resolve("configure.sh"));
        Path triadUrl = Path.of("extensions", "thank-you-offers", "src", "triad-url.js");
        Files.createDirectories(copy.resolve(triadUrl).getParent());
        Files.copy(APP.resolve(triadUrl), copy.resolve(triadUrl));
        ProcessBuilder configure = new ProcessBuilder("bash", "configure.sh", "abc123", "https://triad.example.com/")
                .directory(copy.toFile()).redirectErrorStream(true);
        Path widget = Path.of("src", "main", "resources", "widget", "triad.js").toAbsolutePath();
        configure.environment().put("TRIAD_WIDGET", widget.toString());
        Process run = configure.start();
        assertThat(run.waitFor()).isZero();
        assertThat(copy.resolve("extensions/triad-offers/assets/triad.js")).as("the app embed's widget")
                .hasSameBinaryContentAs(widget);

        assertThat(Files.readString(copy.resolve(triadUrl))).as("the thank-you extension's Triad")
                .contains("export const TRIAD_URL = 'https://triad.example.com';");
        String filled = Files.readString(copy.resolve("shopify.app.toml"));
        assertThat(filled).doesNotContain("TRIAD_URL").doesNotContain("TRIAD_CLIENT_ID")
                .contains("client_id = \"abc123\"").contains("\"https://triad.example.com/webhooks/shopify\"");
        JsonNode app = new TomlMapper().readTree(filled);
        assertThat(app.path("application_url").asText()).isEqualTo("https://triad.example.com/shopify/app");
        List<String> left = new ArrayList<>();
        try (var files = Files.list(copy)) {
            files.forEach(f -> left.add(f.getFileName().toString()));
        }
        assertThat(left).as("no backup files left behind").containsExactlyInAnyOrder("shopify.app.toml", "configure.sh",
                "extensions");
    }
}
