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

    /** The latest go-live drill counts for the {@code last_drill} gate while it is younger than this. */
    @WithDefault("P30D")
    Duration drillMaxAge();

    /**
     * The farm key the platform keeps for smoke tests ({@code {fincaId, apiKey}} JSON; a mounted
     * Secret on Kubernetes): the smoke test reads one farm page with it through the new slot.
     */
    Optional<String> smokeKeyFile();

    /** The human checklist items an operator acknowledges before a release starts (the seed's list). */
    @WithDefault("team_available,users_told")
    List<String> acknowledgements();

    /** The other services whose readiness is a gate: name → base URL ({@code /q/health/ready} is asked). */
    Map<String, String> services();

    /**
     * Tables whose rows come and go by design (the outbox deletes what it published, idempotency
     * records expire, the change feed is compacted): validation does not expect their counts to hold.
     */
    @WithDefault("outbox,idempotent_requests,flyway_schema_history,finca_changes")
    List<String> volatileTables();

    /** The analysis that watches a release in MONITORING and rolls it back on its own. */
    Analysis analysis();

    interface Analysis {
        /** How often each check measures. */
        @WithDefault("PT10S")
        Duration interval();

        /** Consecutive FAILED measurements of one check that roll the release back. */
        @WithDefault("2")
        int failureLimit();

        /** Fewer requests than this in a measurement's window is INCONCLUSIVE. */
        @WithDefault("20")
        long minRequests();

        /** Fewer sales than this (in the window before the switch, or after it) is INCONCLUSIVE for revenue. */
        @WithDefault("5")
        long minSales();

        /**
         * Revenue compares no window shorter than this since the switch (INCONCLUSIVE before): the
         * switch itself pauses sales for a moment, which a one-second window reads as a drop.
         */
        @WithDefault("PT10S")
        Duration revenueMinWindow();

        /** The seed's post-deployment check: response time under 500 ms, held against the p99. */
        @WithDefault("500")
        double p99ThresholdMs();

        /** The traffic entry's Prometheus page (the direct scrape); none: the analysis measures uptime and revenue only. */
        Optional<String> entryMetricsUrl();

        /** A Prometheus server's HTTP API (Kubernetes); when set it is the metric source instead of the direct scrape. */
        Prometheus prometheus();
    }

    /** The PromQL the Prometheus source runs: cumulative values grouped by the slot label (docs/release-api.md). */
    interface Prometheus {

        /** e.g. {@code http://prometheus.monitoring:9090}; none: the direct scrape. */
        Optional<String> url();

        @WithDefault("sum by (slot) (http_server_requests_seconds_count{app=\"farm-service\"})")
        String requestsQuery();

        @WithDefault("sum by (slot) (http_server_requests_seconds_count{app=\"farm-service\",status=~\"5..\"})")
        String serverErrorsQuery();

        @WithDefault("sum by (slot, le) (http_server_requests_seconds_bucket{app=\"farm-service\"})")
        String latencyBucketsQuery();

        @WithDefault("slot")
        String slotLabel();
    }

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

        /** How release-service reaches the active slot (kubernetes); default the farm-service Service's cluster DNS name. */
        Optional<String> serviceUrl();

        /** How release-service reaches the idle slot for its smoke test (kubernetes); default farm-service-preview's. */
        Optional<String> previewUrl();

        /** The longest a deploy may wait for readiness, or a migration for its run. */
        @WithDefault("PT3M")
        Duration timeout();
    }

    /** The operator console under {@code /console}. */
    Console console();

    interface Console {

        /** flags-service's base URL: the Flags screen calls its admin API with the operator's own token. */
        @WithDefault("http://127.0.0.1:8081")
        String flagsUrl();

        /** incident-service's base URL: the Incidents screen calls its API with the operator's own token. */
        @WithDefault("http://127.0.0.1:8083")
        String incidentUrl();

        /**
         * The key the console's CSRF tokens are derived with (HMAC of the session cookie). None: a
         * random key per process, so a restart asks open forms to be reloaded.
         */
        Optional<String> csrfKey();

        /** How long another service may take to answer a console page's call. */
        @WithDefault("PT3S")
        Duration callTimeout();

        /** Signing in with the organisation's OIDC provider instead of the local one-time link. */
        Oidc oidc();
    }

    interface Oidc {

        /** On: every console page needs an OIDC session (tenant {@code console}); off: the local link. */
        @WithDefault("false")
        boolean enabled();

        /**
         * The provider's values of the role claim ({@code quarkus.oidc.console.roles.role-claim-path})
         * and the console role each grants: {@code viewer}, {@code operator} or {@code admin}. Values
         * not named grant nothing, so a provider group that happens to be called "admin" does not.
         */
        Map<String, String> roles();
    }
}
