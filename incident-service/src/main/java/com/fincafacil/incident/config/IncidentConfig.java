package com.fincafacil.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** incident-service settings ({@code docs/configuration.md}, "incident-service"). */
@ConfigMapping(prefix = "fincafacil.incident")
public interface IncidentConfig {

    /** How long after a failed or rolled-back deployment's incident opens its post-mortem is due (the seed: 24 h). */
    @WithDefault("PT24H")
    Duration postmortemDue();

    /** How long after a hotfix its post-mortem is due (the seed's hotfix policy: 48 h). */
    @WithDefault("PT48H")
    Duration postmortemDueHotfix();

    /** The environment a release event that names none was deployed to (the seed's {@code ambiente}). */
    @WithDefault("produccion")
    String environment();

    /** The AES-256 key (base64 of 32 bytes) webhook URLs are sealed with at rest; required. */
    String secretKey();

    Consumer consumer();

    Reports reports();

    Dora dora();

    Announcements announcements();

    interface Consumer {
        /** Consume fincafacil.release.events; off only for tools that must not touch the broker. */
        @WithDefault("true")
        boolean enabled();

        /** The consumer group: every instance of incident-service shares it, so each event is applied once. */
        @WithDefault("incident-service")
        String group();
    }

    interface Reports {
        /** Where each deployment's report is written as text and JSON (the seed's {@code logs/incidents/}). */
        @WithDefault("logs/incidents")
        String directory();

        /** The time zone of the report's FECHA. */
        @WithDefault("America/Bogota")
        String timezone();

        /** A step is reported as slow at this many times its usual time (the median of earlier releases)… */
        @WithDefault("2.0")
        double slowStepFactor();

        /** …and at least this much longer than usual. */
        @WithDefault("PT5S")
        Duration slowStepMinExtra();
    }

    interface Dora {
        /** The period DORA metrics cover when none is asked for. */
        @WithDefault("90")
        int defaultDays();
    }

    interface Announcements {
        /** How often pending announcements are sent and overdue post-mortems looked for. */
        @WithDefault("PT1S")
        Duration interval();

        /** The first retry's wait; it doubles after each failure up to {@code max-backoff}. */
        @WithDefault("PT2S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** Attempts before a notification is given up on (and reported). */
        @WithDefault("12")
        int maxAttempts();

        /** Consecutive failures after which a channel is reported as failing. */
        @WithDefault("3")
        int failingAfter();

        /** How long one webhook call may take. */
        @WithDefault("PT5S")
        Duration timeout();
    }
}
