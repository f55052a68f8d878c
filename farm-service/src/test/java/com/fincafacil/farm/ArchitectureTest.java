package com.fincafacil.farm;

import com.fincafacil.testing.DomainRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The house shape, checked on the compiled classes (ArchUnit). */
class ArchitectureTest {

    private static final String BASE = "com.fincafacil.farm";
    private final JavaClasses classes = DomainRules.productionClasses(BASE);

    @Test
    void domain_uses_no_framework() {
        DomainRules.domainIsFrameworkFree(BASE).allowEmptyShould(true).check(classes);
    }

    @Test
    void services_refuse_with_codes_not_http_answers() {
        DomainRules.servicesBuildNoHttpAnswer(BASE).check(classes);
    }

    @Test
    void domain_knows_no_outer_layer() {
        DomainRules.domainKnowsNoOuterLayer(BASE).check(classes);
    }
}
