package com.fincafacil.testing;

import com.fincafacil.platform.EmbeddedPostgresServer;
import com.fincafacil.platform.KafkaBroker;
import com.fincafacil.platform.OperatorTokens;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded PostgreSQL and one in-process KRaft broker per test JVM, on random free ports in a
 * temporary directory, stopped and deleted when the JVM exits. Tests reach it to take the broker
 * away and bring it back.
 */
public final class TestPlatform {

    private static TestPlatform shared;

    private final Path root;
    private final EmbeddedPostgresServer postgres;
    private final KafkaBroker kafka;
    private final OperatorTokens tokens;

    private TestPlatform(Path root, EmbeddedPostgresServer postgres, KafkaBroker kafka, OperatorTokens tokens) {
        this.root = root;
        this.postgres = postgres;
        this.kafka = kafka;
        this.tokens = tokens;
    }

    public static synchronized TestPlatform shared() {
        if (shared == null) {
            shared = startNew();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-platform-stop"));
        }
        return shared;
    }

    private static TestPlatform startNew() {
        try {
            Path root = Files.createTempDirectory("fincafacil-test-");
            // the unpacked binaries are a cache shared by test JVMs; the data directory is not
            Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "fincafacil-embedded-pg");
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("pg"), binaries, 0);
            KafkaBroker kafka = KafkaBroker.start(root.resolve("kafka"), 0, 0);
            OperatorTokens tokens = OperatorTokens.inDirectory(root.resolve("keys"));
            return new TestPlatform(root, postgres, kafka, tokens);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test platform", e);
        }
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public OperatorTokens tokens() {
        return tokens;
    }

    private void stop() {
        try {
            kafka.close();
        } catch (RuntimeException e) {
            System.err.println("test platform: Kafka did not stop cleanly: " + e.getMessage());
        }
        try {
            postgres.close();
            KafkaBroker.deleteTree(root);
        } catch (Exception e) {
            System.err.println("test platform: cleanup failed: " + e.getMessage());
        }
    }
}
