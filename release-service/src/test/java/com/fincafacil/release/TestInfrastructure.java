package com.fincafacil.release;

import com.fincafacil.testing.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test class in this module shares one real PostgreSQL database and Kafka broker, and a
 * stand-in for the launcher that says what runs.
 */
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "release"))
@QuarkusTestResource(LauncherStandIn.class)
class TestInfrastructure {
}
