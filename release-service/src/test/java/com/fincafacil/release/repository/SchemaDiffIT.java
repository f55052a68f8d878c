package com.fincafacil.release.repository;

import com.fincafacil.platform.EmbeddedPostgresServer;
import com.fincafacil.release.domain.schema.Catalog;
import com.fincafacil.release.domain.schema.SchemaChange;
import com.fincafacil.release.domain.schema.SchemaDiff;
import com.fincafacil.release.domain.schema.SchemaDiff.Verdict;
import com.fincafacil.testing.TestPlatform;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Migrations classified by effect on a real PostgreSQL: the same base schema twice, one copy
 * migrated, both catalogs compared. And farm-service's own migrations, version by version.
 */
class SchemaDiffIT {

    private static final String BASE = """
            CREATE TABLE fincas (id UUID PRIMARY KEY, name VARCHAR(120) NOT NULL, notes TEXT);
            CREATE TABLE animals (id UUID PRIMARY KEY, finca_id UUID NOT NULL REFERENCES fincas (id),
                ear_tag VARCHAR(20) NOT NULL, weight NUMERIC(7, 2), status VARCHAR(10) NOT NULL DEFAULT 'activo',
                CONSTRAINT uq_animals_tag UNIQUE (finca_id, ear_tag));
            CREATE TABLE outbox (id BIGSERIAL PRIMARY KEY, payload JSONB NOT NULL);
            CREATE INDEX idx_animals_status ON animals (status);
            """;
    private static final AtomicInteger CASES = new AtomicInteger();
    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void database() throws SQLException {
        postgres = TestPlatform.shared().postgres();
        postgres.ensureDatabase("schema_diff");
        for (String db : List.of("farm_v1", "farm_v2", "farm_v3", "farm_v4", "farm_v5")) {
            postgres.ensureDatabase(db);
            Flyway.configure().dataSource(postgres.jdbcUrl(db), EmbeddedPostgresServer.USER, "postgres")
                    .locations("filesystem:" + FarmSchema.farmMigrations()).target(db.substring(6)).load().migrate();
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE TABLE weighings (id UUID PRIMARY KEY, animal_id UUID NOT NULL REFERENCES animals (id))       | EXPAND
            ALTER TABLE animals ADD COLUMN breed VARCHAR(60)                                                     | EXPAND
            ALTER TABLE animals ADD COLUMN confianza REAL NOT NULL DEFAULT 0.85                                  | EXPAND
            CREATE INDEX idx_animals_weight ON animals (weight)                                                  | EXPAND
            ALTER TABLE animals ALTER COLUMN weight TYPE NUMERIC(7, 2)                                           | NONE
            ALTER TABLE fincas ALTER COLUMN name DROP NOT NULL                                                   | EXPAND
            UPDATE animals SET status = 'activo' WHERE status IS NULL                                            | NONE
            ALTER TABLE fincas DROP COLUMN notes                                                                 | CONTRACT
            ALTER TABLE fincas RENAME COLUMN notes TO notas                                                      | MIXED
            ALTER TABLE animals ALTER COLUMN weight TYPE NUMERIC(9, 3)                                           | CONTRACT
            ALTER TABLE fincas ALTER COLUMN notes SET NOT NULL                                                   | CONTRACT
            ALTER TABLE animals ADD COLUMN sex VARCHAR(10) NOT NULL                                              | CONTRACT
            DROP TABLE outbox                                                                                     | CONTRACT
            ALTER TABLE animals DROP CONSTRAINT uq_animals_tag                                                   | CONTRACT
            ALTER TABLE animals ADD CONSTRAINT ck_weight CHECK (weight > 0)                                      | CONTRACT
            CREATE UNIQUE INDEX uq_fincas_name ON fincas (name)                                                  | CONTRACT
            ALTER TABLE animals ALTER COLUMN status DROP DEFAULT                                                 | CONTRACT
            ALTER TABLE animals ADD COLUMN breed VARCHAR(60); ALTER TABLE fincas DROP COLUMN notes               | MIXED
            """)
    void a_migration_is_classified_by_what_it_does_to_the_previous_version(String migration, Verdict expected) throws SQLException {
        int n = CASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("schema_diff"), EmbeddedPostgresServer.USER, "postgres");
             Statement s = c.createStatement()) {
            for (String schema : List.of("c" + n + "_running", "c" + n + "_target")) {
                s.execute("CREATE SCHEMA " + schema + "; SET search_path TO " + schema + "; " + BASE);
            }
            s.execute("SET search_path TO c" + n + "_target; " + migration);
            List<SchemaChange> changes = SchemaDiff.between(CatalogReader.read(c, "c" + n + "_running"),
                    CatalogReader.read(c, "c" + n + "_target"));
            assertEquals(expected, SchemaDiff.verdict(changes), changes.toString());
        }
    }

    @Test
    void farm_services_own_migrations_are_expand_only() throws SQLException {
        assertEquals(Verdict.EXPAND, verdict("farm_v1", "farm_v2"), "V2 adds confianza_ia with a default, a backfill and an index");
        assertEquals(Verdict.EXPAND, verdict("farm_v2", "farm_v3"), "V3 indexes foreign keys");
        assertEquals(Verdict.NONE, verdict("farm_v3", "farm_v4"), "V4 only deletes published outbox rows");
        assertEquals(Verdict.EXPAND, verdict("farm_v4", "farm_v5"), "V5 adds the change feed's table (its triggers only add rows)");
        assertEquals(Verdict.EXPAND, verdict("farm_v1", "farm_v5"));
    }

    private static Verdict verdict(String running, String target) throws SQLException {
        return SchemaDiff.verdict(SchemaDiff.between(catalog(running), catalog(target)));
    }

    private static Catalog catalog(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER, "postgres")) {
            return CatalogReader.read(c, "public");
        }
    }
}
