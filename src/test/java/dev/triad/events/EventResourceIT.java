package dev.triad.events;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same assertions against the packaged server jar. */
@QuarkusIntegrationTest
class EventResourceIT extends EventResourceTest {
}
