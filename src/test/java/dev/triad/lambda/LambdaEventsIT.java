package dev.triad.lambda;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same events against the native Lambda function ({@code bootstrap}, {@code bench/native.sh --lambda} then
 * {@code --test-lambda}): Quarkus starts its mock Lambda event server in the test process, and the function
 * polls it as its runtime API ({@code AWS_LAMBDA_RUNTIME_API}, set by {@code quarkus.test.env}). Only there: the
 * JVM jar of {@code -Plambda} runs no poll loop of its own (AWS' Java runtime calls its handler), so it is
 * covered by {@link LambdaEventsTest}.
 */
@QuarkusIntegrationTest
@EnabledIfSystemProperty(named = "native.image.path", matches = ".+")
class LambdaEventsIT extends LambdaEventsTest {
}
