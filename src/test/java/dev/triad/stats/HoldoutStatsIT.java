package dev.triad.stats;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same assertions against the packaged server jar. */
@QuarkusIntegrationTest
class HoldoutStatsIT extends HoldoutStatsTest {
}
