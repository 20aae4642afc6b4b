package dev.triad.infra;

import java.nio.file.Path;

/**
 * What the Quarkus Lambda build produces (checked against its own generated SAM files by
 * {@code dev.triad.lambda.LambdaArtifactIT} after {@code ./mvnw verify -Plambda}), and what
 * infra/template.yaml must therefore say.
 */
public final class LambdaBuild {

    public static final String NATIVE_RUNTIME = "provided.al2023";
    public static final String JVM_RUNTIME = "java21";
    public static final String JVM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    public static final Path ARTIFACT = Path.of("target", "function.zip");

    private LambdaBuild() {
    }
}
