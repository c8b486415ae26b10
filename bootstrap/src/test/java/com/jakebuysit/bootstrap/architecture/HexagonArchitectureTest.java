package com.jakebuysit.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon, enforced on the production classes, and each rule shown to bite on a fixture. */
class HexagonArchitectureTest {

    private static JavaClasses production;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Other modules' test classes arrive as *-tests.jar; they are not production code.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("com.jakebuysit");
        fixture = new ClassFileImporter().importPackages("com.jakebuysit.bootstrap.architecture.fixture");
    }

    @Test
    void everyModuleIsImported() {
        assertThat(production.containPackage("com.jakebuysit.application.port")).isTrue();
        assertThat(production.containPackage("com.jakebuysit.adapters.in.rest")).isTrue();
        assertThat(production.containPackage("com.jakebuysit.bootstrap")).isTrue();
    }

    @Test
    void domainIsFrameworkFree() {
        HexagonRules.frameworkFree("com.jakebuysit.domain..").allowEmptyShould(true).check(production);
    }

    @Test
    void applicationIsFrameworkFree() {
        HexagonRules.frameworkFree("com.jakebuysit.application..").check(production);
    }

    @Test
    void domainDependsOnNothingOutside() {
        HexagonRules.doesNotReachOut("com.jakebuysit.domain..",
                "com.jakebuysit.application..", "com.jakebuysit.adapters..", "com.jakebuysit.bootstrap..")
                .allowEmptyShould(true).check(production);
    }

    @Test
    void applicationDependsOnlyInward() {
        HexagonRules.doesNotReachOut("com.jakebuysit.application..",
                "com.jakebuysit.adapters..", "com.jakebuysit.bootstrap..").check(production);
    }

    @Test
    void adaptersNeverSeeBootstrap() {
        HexagonRules.doesNotReachOut("com.jakebuysit.adapters..", "com.jakebuysit.bootstrap..").check(production);
    }

    @Test
    void adaptersDoNotUseEachOther() {
        HexagonRules.adaptersIndependent("com.jakebuysit.adapters").check(production);
    }

    @Test
    void frameworkRuleFailsOnAFrameworkImport() {
        EvaluationResult result = HexagonRules.frameworkFree("com.jakebuysit.bootstrap.architecture.fixture.domain..")
                .evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("com.fasterxml.jackson"));
    }

    @Test
    void adapterRuleFailsWhenOneAdapterUsesAnother() {
        EvaluationResult result = HexagonRules.adaptersIndependent("com.jakebuysit.bootstrap.architecture.fixture.adapters")
                .evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("out.alpha").contains("out.beta");
    }
}
