package com.fincafacil.release.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** release-service settings. */
@ConfigMapping(prefix = "fincafacil.release")
public interface ReleaseConfig {

    /** The seed's deployment settings: window, thresholds, health-check timeout. */
    @WithDefault("config/deployment.json")
    String deploymentFile();

    /** The project's changelog: a release's version must have an entry there. */
    @WithDefault("CHANGELOG.md")
    String changelogFile();

    /** The farm database, which a release backs up and validates (not farm-service's own connection). */
    FarmDatabase farmDatabase();

    interface FarmDatabase {
        @WithDefault("jdbc:postgresql://127.0.0.1:15432/farm")
        String url();

        @WithDefault("postgres")
        String username();

        @WithDefault("postgres")
        String password();
    }

    /** Where backups go, one directory per release. */
    @WithDefault("backups")
    String backupDirectory();

    /** How long a switched release is watched before it completes on its own (an operator may promote sooner). */
    @WithDefault("PT30M")
    Duration monitoringWindow();

    /** How long after completion the previous version's slot keeps running, for a manual rollback. */
    @WithDefault("PT10M")
    Duration rollbackWindow();

    /** The human checklist items an operator acknowledges before a release starts (the seed's list). */
    @WithDefault("team_available,users_told")
    List<String> acknowledgements();

    /** The other services whose readiness is a gate: name → base URL ({@code /q/health/ready} is asked). */
    Map<String, String> services();

    /**
     * Tables whose rows come and go by design (the outbox deletes what it published, idempotency
     * records expire): validation does not expect their counts to hold.
     */
    @WithDefault("outbox,idempotent_requests,flyway_schema_history")
    List<String> volatileTables();

    /** Where farm-service versions run. */
    Target target();

    interface Target {

        /** {@code local}: the launcher's control API; {@code kubernetes}: the cluster release-service runs in. */
        @WithDefault("local")
        String kind();

        /** The launcher's control API (local). */
        @WithDefault("http://127.0.0.1:8079")
        String launcherUrl();

        /** An operator token for the control API; the launcher passes one to the release-service it starts. */
        Optional<String> launcherToken();

        /** The namespace of the farm Deployments and Services (kubernetes); default: release-service's own. */
        Optional<String> namespace();

        /** The longest a deploy may wait for readiness, or a migration for its run. */
        @WithDefault("PT3M")
        Duration timeout();
    }
}
