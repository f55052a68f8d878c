package com.fincafacil.farm;

import com.fincafacil.testing.ServiceContractTests;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FarmServiceContractIT extends ServiceContractTests {

    @Override
    protected String jsonEndpoint() {
        return "/api/v1/admin/fincas";
    }

    @Override
    protected String firstMigration() {
        return "create farm domain";
    }
}
