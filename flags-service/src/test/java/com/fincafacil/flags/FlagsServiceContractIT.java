package com.fincafacil.flags;

import com.fincafacil.testing.ServiceContractTests;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FlagsServiceContractIT extends ServiceContractTests {

    @Override
    protected String jsonEndpoint() {
        return "/api/v1/flags";
    }

    @Override
    protected String firstMigration() {
        return "create flags";
    }
}
