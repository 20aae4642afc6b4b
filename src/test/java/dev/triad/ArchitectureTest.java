package dev.triad;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules of {@code package-info.java}, checked on the compiled classes: the serving
 * path never reaches batch code (the offer path must start fast and stay small, and a change to
 * mining must never slow checkout), the shared tools and the sheet format stand alone, each package
 * imports only the packages its package-info names, and no two packages depend on each other in a
 * circle. Each rule was seen failing on a deliberate wrong import.
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

    /**
     * Each package says in its {@code package-info.java} which packages of Triad it may import
     * ("May import: offer, shop." or "May import nothing of Triad."); a class reaching any other
     * package's classes fails this test, naming the dependency. The root package (configuration,
     * native hints) is open to all.
     */
    @Test
    void shouldLetEachPackageImportOnlyThePackagesItsPackageInfoNames() throws IOException {
        List<String> undeclared = new ArrayList<>();
        try (var infos = Files.list(SOURCES)) {
            for (Path dir : infos.filter(Files::isDirectory).sorted().toList()) {
                String pkg = dir.getFileName().toString();
                Set<String> allowed = declaredImports(dir.resolve("package-info.java"));
                Map<String, String> actual = new TreeMap<>();
                for (JavaClass c : triad) {
                    if (!c.getPackageName().equals("dev.triad." + pkg)) {
                        continue;
                    }
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        String target = d.getTargetClass().getPackageName();
                        if (target.startsWith("dev.triad.") && !target.equals("dev.triad." + pkg)) {
                            String other = target.substring("dev.triad.".length()).split("\\.")[0];
                            if (!allowed.contains(other)) {
                                actual.putIfAbsent(other, d.getDescription());
                            }
                        }
                    }
                }
                actual.forEach((other, example) -> undeclared.add(pkg + " -> " + other + ", e.g. " + example));
            }
        }
        assertThat(undeclared).as("dependencies their package-info does not declare").isEmpty();
    }

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "triad");
    private static final Pattern DECLARED = Pattern.compile("May import(?::\\s*([a-z, ]+)| nothing of Triad)\\.");

    private static Set<String> declaredImports(Path packageInfo) throws IOException {
        String text = Files.readString(packageInfo).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
        Matcher m = DECLARED.matcher(text);
        assertThat(m.find()).as(packageInfo + " says what it may import").isTrue();
        Set<String> allowed = new HashSet<>();
        if (m.group(1) != null) {
            for (String name : m.group(1).split(",")) {
                allowed.add(name.strip());
            }
        }
        return allowed;
    }

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching("dev.triad.(*)..").should().beFreeOfCycles().check(triad);
    }
}
