package dev.triad.widget;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same assertions against the packaged server jar. */
@QuarkusIntegrationTest
class WidgetResourceIT extends WidgetResourceTest {
}
