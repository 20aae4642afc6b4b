package dev.triad;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules of {@code package-info.java}, checked on the compiled classes: the serving
 * path never reaches batch code (the offer path must start fast and stay small, and a change to
 * mining must never slow checkout), the shared tools and the sheet format stand alone, and no two
 * packages depend on each other in a circle.
 */
class ArchitectureTest {

    static JavaClasses triad;

    @BeforeAll
    static void importClasses() {
        triad = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.triad");
    }

    @Test
    void shouldKeepTheOfferPathFreeOfBatchCode() {
        noClasses().that().resideInAnyPackage("dev.triad.offer..", "dev.triad.sheet..", "dev.triad.redis..",
                "dev.triad.proxy..", "dev.triad.widget..", "dev.triad.events..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.triad.mining..", "dev.triad.ingest..",
                        "dev.triad.admin..", "dev.triad.webhook..", "dev.triad.privacy..", "dev.triad.catalog..")
                .because("the offer path serves checkout; batch code must never be loaded or waited for on it")
                .check(triad);
    }

    @Test
    void shouldKeepTheSheetFormatTheSharedToolsAndTheRedisWiringStandingAlone() {
        noClasses().that().resideInAnyPackage("dev.triad.sheet..", "dev.triad.base..", "dev.triad.redis..",
                "dev.triad.problem..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.triad.offer..", "dev.triad.catalog..",
                        "dev.triad.events..", "dev.triad.mining..", "dev.triad.ingest..", "dev.triad.admin..",
                        "dev.triad.webhook..", "dev.triad.privacy..", "dev.triad.stats..", "dev.triad.shop..",
                        "dev.triad.widget..", "dev.triad.proxy..")
                .because("features build on these, not the other way round")
                .check(triad);
    }

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching("dev.triad.(*)..").should().beFreeOfCycles().check(triad);
    }
}
