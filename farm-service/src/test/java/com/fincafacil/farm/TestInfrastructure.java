package com.fincafacil.farm;

import com.fincafacil.testing.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test class in this module shares one real PostgreSQL database and Kafka broker, and the flags stand-in. */
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "farm"))
@QuarkusTestResource(FlagsStandInResource.class)
class TestInfrastructure {
}
