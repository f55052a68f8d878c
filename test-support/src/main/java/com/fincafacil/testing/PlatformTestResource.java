package com.fincafacil.testing;

import com.fincafacil.platform.OperatorTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Hands a service under test its own database on the shared embedded PostgreSQL, the in-process
 * Kafka broker and the operator token key. Init arg {@code database} names the database.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestPlatform platform = TestPlatform.shared();
        try {
            platform.postgres().ensureDatabase(database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", platform.postgres().jdbcUrl(database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", platform.kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", platform.tokens().publicKeyFile().toString(),
                "mp.jwt.verify.issuer", OperatorTokens.ISSUER);
    }

    @Override
    public void stop() {
        // the platform is shared by every test class in this JVM and stops when the JVM exits
    }
}
