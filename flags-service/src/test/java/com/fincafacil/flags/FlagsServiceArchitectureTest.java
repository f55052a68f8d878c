package com.fincafacil.flags;

import com.fincafacil.testing.DomainRules;
import org.junit.jupiter.api.Test;

/** flags-service's use cases refuse with codes; the shared mapper makes the HTTP answer (ArchUnit). */
class FlagsServiceArchitectureTest {

    @Test
    void services_refuse_with_codes_not_http_answers() {
        DomainRules.servicesBuildNoHttpAnswer("com.fincafacil.flags")
                .check(DomainRules.productionClasses("com.fincafacil.flags"));
    }
}
