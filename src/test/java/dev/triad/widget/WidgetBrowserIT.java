package dev.triad.widget;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same browser tests against the packaged server jar. */
@QuarkusIntegrationTest
class WidgetBrowserIT extends WidgetBrowserTest {
}
