package com.fincafacil.local;

import com.fincafacil.local.artifact.Artifact;
import com.fincafacil.local.artifact.ArtifactStore;
import com.fincafacil.local.slots.MigrationRunner;
import com.fincafacil.local.slots.Refusal;
import com.fincafacil.local.slots.SlotManager;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * farm-service at {@code up}: on an empty home the current build is stored, migrated (migrate and
 * exit) and deployed to blue, which becomes active; after that only releases migrate, and {@code up}
 * brings back the slots the last run had.
 */
final class FarmInstall {

    private final PlatformLayout layout;
    private final ArtifactStore artifacts;
    private final MigrationRunner migrations;
    private final SlotManager slots;
    private final PrintStream out;

    FarmInstall(PlatformLayout layout, ArtifactStore artifacts, MigrationRunner migrations, SlotManager slots, PrintStream out) {
        this.layout = layout;
        this.artifacts = artifacts;
        this.migrations = migrations;
        this.slots = slots;
        this.out = out;
    }

    void installOrRestore() throws Exception {
        if (slots.isNewHome()) {
            install();
        } else {
            slots.restore();
            hintIfBuildIsNew();
        }
    }

    private void install() throws Exception {
        Path build = layout.serviceApp(PlatformLayout.FARM_SERVICE);
        Artifact artifact = artifacts.add(build, null).artifact();
        out.printf("  artifact   %s stored (first install)%n", artifact.version());
        try {
            var report = migrations.migrate(artifact.version());
            out.printf("  migrate    farm database at V%s (applied %s)%n", report.getString("schemaVersion"),
                    report.getJsonArray("applied"));
            slots.deploy("blue", artifact.version());
            slots.switchTo("blue");
        } catch (Refusal r) {
            throw new IOException("first install failed: " + r.getMessage() + " " + r.details().getValue("log", ""));
        }
    }

    /** A build that is not in the store is not what runs: say how to release it. */
    private void hintIfBuildIsNew() throws IOException {
        Path build = layout.serviceApp(PlatformLayout.FARM_SERVICE);
        if (!Files.isDirectory(build)) {
            return;
        }
        if (artifacts.storedVersionOf(build).isEmpty()) {
            out.println("  note       the current farm-service build is not the stored one; the slots run stored"
                    + " artifacts. Store it with ./fincafacil artifact add --version <new version> and release it.");
        }
    }
}
