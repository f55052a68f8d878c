package com.fincafacil.flags;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The flag model and rules are plain Java: any client (farm-service's degraded mode) can run them. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.fincafacil.flags");

    @Test
    void domain_uses_no_framework_nor_json() {
        noClasses().that().resideInAPackage("com.fincafacil.flags.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..",
                        "org.apache.kafka..", "com.fasterxml..", "io.smallrye..", "com.fincafacil.flags.file..")
                .check(classes);
    }
}
