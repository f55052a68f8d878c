package com.fincafacil.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Registered for every module that tests with test-support: no service's integration test can
 * receive an answer its OpenAPI document does not describe, whichever helper built the request.
 * A module may skip it with {@code -Dfincafacil.contract-validation.skip=true} (release-service, for now).
 */
public class ContractValidationCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        // a module whose document is known to be behind its answers says so in its build (release-service)
        if (Boolean.getBoolean("fincafacil.contract-validation.skip")) {
            return;
        }
        ContractValidation.everywhere();
    }
}
