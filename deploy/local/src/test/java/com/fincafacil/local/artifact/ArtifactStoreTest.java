package com.fincafacil.local.artifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The artifact store on small fake builds: versions, checksums, the migrations list, refusals. */
class ArtifactStoreTest {

    @TempDir
    Path dir;

    /** A quarkus-app directory whose application jar has a pom version and the given migrations. */
    private Path build(String name, String version, String... scripts) throws IOException {
        Path app = dir.resolve(name);
        Files.createDirectories(app.resolve("app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "launcher");
        try (OutputStream file = Files.newOutputStream(app.resolve("app/farm-service.jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(entry("META-INF/maven/com.fincafacil/farm-service/pom.properties"));
            jar.write(("version=" + version + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < scripts.length; i += 2) {
                jar.putNextEntry(entry("db/migration/" + scripts[i]));
                jar.write(scripts[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return app;
    }

    /** Fixed times, so the same files make the same jar bytes. */
    private static JarEntry entry(String name) {
        JarEntry entry = new JarEntry(name);
        entry.setTime(0);
        return entry;
    }

    @Test
    void a_build_is_stored_under_its_own_version_with_its_migrations_in_flyway_order() throws Exception {
        Path app = build("a", "1.2.0", "V10__late.sql", "SELECT 10;", "V2__add_x.sql", "ALTER TABLE t ADD x int;",
                "V1__create.sql", "CREATE TABLE t (id int);");
        ArtifactStore store = new ArtifactStore(dir.resolve("store"));
        ArtifactStore.Added added = store.add(app, null);
        assertEquals(ArtifactStore.Outcome.STORED, added.outcome());
        Artifact a = store.find("1.2.0").orElseThrow();
        assertEquals(List.of("1", "2", "10"), a.migrations().stream().map(Migration::version).toList());
        assertEquals("add x", a.migrations().get(1).description());
        assertEquals("10", a.schemaVersion());
        assertTrue(Files.isRegularFile(store.appDirectory(a).resolve("quarkus-run.jar")));
        assertEquals(a.sha256(), ContentHash.of(store.appDirectory(a)), "the stored copy has the recorded checksum");
    }

    @Test
    void the_same_contents_again_is_a_no_op_and_other_contents_under_that_version_are_refused() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("store"));
        store.add(build("a", "1.0.0", "V1__create.sql", "CREATE TABLE t (id int);"), null);
        assertEquals(ArtifactStore.Outcome.ALREADY_STORED,
                store.add(build("same", "1.0.0", "V1__create.sql", "CREATE TABLE t (id int);"), null).outcome());
        Path other = build("b", "1.0.0", "V1__create.sql", "CREATE TABLE t (id bigint);");
        ArtifactStore.Refused refused = assertThrows(ArtifactStore.Refused.class, () -> store.add(other, null));
        assertTrue(refused.getMessage().contains("other contents"), refused.getMessage());
        assertEquals(ArtifactStore.Outcome.STORED, store.add(other, "1.0.1").outcome(), "relabelled, it is stored");
        assertEquals(List.of("1.0.0", "1.0.1"), store.list().stream().map(Artifact::version).toList());
    }

    @Test
    void a_version_that_is_not_semver_or_a_directory_that_is_not_a_build_is_refused() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("store"));
        Path app = build("a", "1.0.0");
        assertThrows(ArtifactStore.Refused.class, () -> store.add(app, "v1.2"));
        assertThrows(ArtifactStore.Refused.class, () -> store.add(app, "1.2"));
        assertThrows(ArtifactStore.Refused.class, () -> store.add(dir, null));
        assertEquals(List.of(), store.list());
    }

    @Test
    void flyway_checksum_ignores_line_endings_and_a_leading_bom() throws Exception {
        int unix = FlywayChecksum.of(new ByteArrayInputStream("CREATE TABLE t (id int);\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8)));
        int windows = FlywayChecksum.of(new ByteArrayInputStream("\uFEFFCREATE TABLE t (id int);\r\nSELECT 1;\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(unix, windows);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("CREATE TABLE t (id int);".getBytes(StandardCharsets.UTF_8));
        crc.update("SELECT 1;".getBytes(StandardCharsets.UTF_8));
        assertEquals((int) crc.getValue(), unix);
    }

    @Test
    void a_build_stored_with_extra_migrations_lists_them_keeps_them_beside_it_and_is_another_artifact() throws Exception {
        Path app = build("e", "1.2.0", "V1__create.sql", "CREATE TABLE t (id int);");
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(extra.resolve("V100__add_y.sql"), "ALTER TABLE t ADD y int;");
        Files.writeString(extra.resolve("notes.txt"), "not a migration");
        ArtifactStore store = new ArtifactStore(dir.resolve("store"));
        store.add(app, "1.2.0");
        Artifact relabelled = store.add(app, "1.2.1", extra).artifact();
        assertEquals(List.of("1", "100"), relabelled.migrations().stream().map(Migration::version).toList());
        assertTrue(Files.isRegularFile(dir.resolve("store/1.2.1/migrations/V100__add_y.sql")));
        assertTrue(!Files.exists(dir.resolve("store/1.2.1/migrations/notes.txt")), "only migrations are stored");
        assertTrue(!relabelled.sha256().equals(store.find("1.2.0").orElseThrow().sha256()), "the migrations are part of its contents");
        assertEquals(ArtifactStore.Outcome.ALREADY_STORED, store.add(app, "1.2.1", extra).outcome());
        assertThrows(ArtifactStore.Refused.class, () -> store.add(app, "1.2.1"), "the same label without them is other contents");
        assertEquals(store.appDirectory(store.find("1.2.0").orElseThrow()), store.appDirectory(relabelled),
                "both labels run the one kept copy of the build");
        assertEquals(store.extraMigrations(relabelled), dir.resolve("store/1.2.1/migrations"));
        try (var kept = Files.list(dir.resolve("store/.builds"))) {
            assertEquals(1, kept.count(), "the build was copied once");
        }
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThrows(ArtifactStore.Refused.class, () -> store.add(app, "1.2.2", empty));
    }
}
