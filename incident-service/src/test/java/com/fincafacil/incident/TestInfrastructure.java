package com.fincafacil.incident;

import com.fincafacil.testing.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test class in this module shares one real PostgreSQL database and Kafka broker, and one
 * temporary reports directory.
 */
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
@QuarkusTestResource(ReportDirectoryResource.class)
class TestInfrastructure {
}
