package dev.triad.ingest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same assertions against the packaged server jar. */
@QuarkusIntegrationTest
class CatalogImportIT extends CatalogImportTest {
}
