package com.fincafacil.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The house rule for every service: the domain is plain Java, and knows nothing of the layers around it. */
public final class DomainRules {

    /** Packages no domain class may touch. */
    public static final String[] FRAMEWORKS = {"io.quarkus..", "jakarta..", "javax.persistence..", "org.hibernate..",
            "org.apache.kafka..", "com.fasterxml..", "io.smallrye..", "io.vertx..", "org.eclipse.microprofile.."};

    private DomainRules() {
    }

    /** The production classes of a service, e.g. {@code com.fincafacil.farm}. */
    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(basePackage);
    }

    public static ArchRule domainIsFrameworkFree(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the domain holds the rules and must stay testable without a framework");
    }

    /**
     * Use cases refuse with {@code Refusal}s (a code and its facts); only the one mapper in
     * service-commons turns them into HTTP answers, in the caller's language.
     */
    public static ArchRule servicesBuildNoHttpAnswer(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".service..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.fincafacil.commons.rest.Problem")
                .because("a use case says no with a code and facts; the problem mapper words it")
                .allowEmptyShould(true);
    }

    public static ArchRule domainKnowsNoOuterLayer(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".service..", basePackage + ".rest..",
                        basePackage + ".repository..", basePackage + ".messaging..", basePackage + ".client..",
                        basePackage + ".config..", basePackage + ".health..")
                .allowEmptyShould(true);
    }
}
