package dev.triad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged server starts from the class-data archive the build trained
 * (src/build/TrainClassArchive.java): {@code -Xshare:on} makes the JVM refuse an archive it cannot
 * map, and the class-loading log shows where the offer path's classes came from.
 */
class ClassArchiveIT {

    static final Path APP = Path.of("target/quarkus-app");

    @Test
    void shouldStartTheServerWithTheOfferPathsClassesFromTheBuildsArchive() throws Exception {
        assumeTrue(System.getProperty("native.image.path") == null,
                "a JVM archive: the packaged tests run against the native executable (bench/native.sh --test)");
        assertThat(APP.resolve("app-cds.jsa")).as("written by the build").isRegularFile();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=app-cds.jsa",
                "-Xlog:class+load=info", "-Dquarkus.profile=local", "-Dquarkus.http.port=" + freePort(),
                "-Dtriad.local-redis.port=" + freePort(), "-jar", "quarkus-run.jar")
                .directory(APP.toFile())
                .redirectErrorStream(true)
                .start();
        List<String> loaded = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains(" dev.triad.")) {
                    loaded.add(line);
                }
                if (line.contains("started in")) {
                    break;
                }
            }
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertThat(loaded).as("the server started and loaded its classes").isNotEmpty();
        assertThat(loaded).filteredOn(line -> line.contains("dev.triad.offer.RuleOfThree ")
                || line.contains("dev.triad.offer.OfferResource ") || line.contains("dev.triad.sheet.SheetCodec "))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("source: shared objects file"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
