package com.fincafacil.release;

import com.fincafacil.testing.ServiceContractTests;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReleaseServiceContractIT extends ServiceContractTests {

    @Override
    protected String jsonEndpoint() {
        return "/api/v1/releases";
    }

    @Override
    protected String firstMigration() {
        return "create releases";
    }
}
