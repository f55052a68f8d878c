package com.fincafacil.incident;

import com.fincafacil.testing.ServiceContractTests;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IncidentServiceContractIT extends ServiceContractTests {

    @Override
    protected String jsonEndpoint() {
        return "/api/v1/incidents";
    }

    @Override
    protected String firstMigration() {
        return "create incidents";
    }
}
