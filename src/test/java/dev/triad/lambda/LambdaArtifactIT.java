package dev.triad.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import dev.triad.infra.LambdaBuild;

/**
 * After {@code ./mvnw verify -Plambda}: the artifact infra/template.yaml deploys exists, and the
 * runtime and handler the template names are the ones Quarkus wrote into its own generated SAM
 * files for this very build (target/sam.jvm.yaml, target/sam.native.yaml).
 */
class LambdaArtifactIT {

    @Test
    void shouldBuildTheArtifactTheTemplateDeploysWithTheHandlerItNames() throws IOException {
        assertThat(LambdaBuild.ARTIFACT).isRegularFile();
        try (ZipFile zip = new ZipFile(LambdaBuild.ARTIFACT.toFile())) {
            assertThat(zip.stream().map(e -> e.getName()))
                    .as("the JVM function.zip holds the Quarkus runner and its libraries")
                    .anyMatch(name -> name.endsWith("-runner.jar") || name.startsWith("lib/"));
        }
        Map<String, String> jvm = function(Path.of("target", "sam.jvm.yaml"));
        assertThat(jvm.get("Runtime")).isEqualTo(LambdaBuild.JVM_RUNTIME);
        assertThat(jvm.get("Handler")).isEqualTo(LambdaBuild.JVM_HANDLER);
        assertThat(jvm.get("CodeUri")).isEqualTo(LambdaBuild.ARTIFACT.getFileName().toString());
        Map<String, String> nativeFunction = function(Path.of("target", "sam.native.yaml"));
        assertThat(nativeFunction.get("Runtime")).isEqualTo(LambdaBuild.NATIVE_RUNTIME);
        assertThat(nativeFunction.get("DISABLE_SIGNAL_HANDLERS")).isEqualTo("true");
    }

    /** The scalar properties of the one function in a SAM file Quarkus generated (flat key: value lines). */
    static Map<String, String> function(Path samFile) throws IOException {
        assertThat(samFile).isRegularFile();
        Map<String, String> properties = new java.util.HashMap<>();
        for (String line : Files.readAllLines(samFile)) {
            String trimmed = line.trim();
            int colon = trimmed.indexOf(':');
            if (colon > 0 && colon < trimmed.length() - 1) {
                properties.putIfAbsent(trimmed.substring(0, colon), trimmed.substring(colon + 1).trim());
            }
        }
        return properties;
    }
}
