package com.jakebuysit.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's rules, parameterised by root package so a fixture can prove each one bites. */
final class HexagonRules {

    /** What the inside of the hexagon must never see. */
    static final String[] FRAMEWORKS = {
        "io.dropwizard..", "com.codahale.metrics..", "jakarta.ws.rs..", "jakarta.servlet..",
        "org.glassfish..", "org.eclipse.jetty..", "com.fasterxml.jackson..", "org.jdbi..",
        "redis.clients..", "org.jobrunr..", "software.amazon..", "com.amazonaws..", "com.stripe..",
        "com.easypost..", "com.pengrad..", "org.liquibase..", "liquibase..", "org.postgresql..",
        "java.sql..", "javax.sql..",
    };

    private HexagonRules() {
    }

    static ArchRule frameworkFree(String packagePattern) {
        return noClasses().that().resideInAPackage(packagePattern)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the domain and the use cases are plain Java; frameworks live in adapters");
    }

    static ArchRule doesNotReachOut(String packagePattern, String... outerPackages) {
        return noClasses().that().resideInAPackage(packagePattern)
                .should().dependOnClassesThat().resideInAnyPackage(outerPackages)
                .because("dependencies point inward: bootstrap -> adapters -> application -> domain");
    }

    /** Adapters talk to each other only through application ports, never directly. */
    static ArchRule adaptersIndependent(String adaptersRoot) {
        return slices().matching(adaptersRoot + ".(*).(*)..").namingSlices("adapter $1.$2")
                .should().notDependOnEachOther()
                .because("one adapter reaches another only through an application port");
    }
}
