package com.fincafacil.release.console;

import com.fincafacil.release.LauncherStandIn;
import com.fincafacil.testing.TestPlatform;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Flags screen's kill switch in a real Chromium, on the real flags-service (started from its
 * build on the port the planning tests' application already names): an operator confirms it and
 * sees the flag off; a viewer finds no switch and is refused when asking anyway.
 */
@QuarkusTest
class ConsoleFlagsIT {

    private static ServiceJar flags;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    @BeforeAll
    static void startFlagsService() throws Exception {
        TestPlatform platform = TestPlatform.shared();
        platform.postgres().ensureDatabase("console_kill_flags");
        flags = ServiceJar.start("flags-service", LauncherStandIn.flagsPort, Map.of(
                "quarkus.datasource.jdbc.url", platform.postgres().jdbcUrl("console_kill_flags"),
                "kafka.bootstrap.servers", platform.kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", platform.tokens().publicKeyFile().toString(),
                "mp.jwt.verify.issuer", com.fincafacil.platform.OperatorTokens.ISSUER,
                "fincafacil.flags.seed-file", Path.of("..", "config", "feature_flags.json").toAbsolutePath().toString(),
                "fincafacil.flags.deployment-file", Path.of("..", "config", "deployment.json").toAbsolutePath().toString()));
        flags.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopFlagsService() throws Exception {
        if (flags != null) {
            flags.close();
        }
    }

    private Browser signedIn(String role, String language) {
        Browser browser = Browser.open(root.toString().replaceAll("/$", ""), 1280, 1400, language);
        browser.go("/console/login?code=" + ConsoleSessionIT.code(role));
        browser.await(Duration.ofSeconds(10), d -> d.getCurrentUrl().endsWith("/console"));
        return browser;
    }

    @Test
    void an_operator_kills_a_flag_after_a_confirmation_naming_the_consequence() {
        String row = "tr.flag[data-flag='FASE_9_OBSERVABILITY']";
        try (Browser b = signedIn("operator", "es-CO,es")) {
            b.go("/console/flags");
            assertTrue(b.text(row).contains("sí"), "on before: " + b.text(row));
            b.find("a[data-kill='FASE_9_OBSERVABILITY']").click();
            b.await(Duration.ofSeconds(10), d -> b.present("#confirm-button"));
            assertTrue(b.text(".consequence").contains("desactivada para todas las fincas"), b.text(".consequence"));
            b.find("input[name=reason]").sendKeys("incident 42");
            b.find("#confirm-button").click();
            b.await(Duration.ofSeconds(10), d -> b.present("#done"));
            assertEquals("Bandera apagada: FASE_9_OBSERVABILITY", b.text("#done"));
            assertTrue(b.text(row).contains("no"), "off now: " + b.text(row));
            assertFalse(b.present("a[data-kill='FASE_9_OBSERVABILITY']"), "an off flag offers no kill switch");
            assertTrue(b.text("section[aria-labelledby=h-audit]").contains("incident 42"), "the audit log has the kill");
        }
    }

    @Test
    void a_viewer_finds_no_kill_switch_and_is_refused_when_asking_anyway() {
        try (Browser b = signedIn("viewer", "es-CO,es")) {
            b.go("/console/flags");
            assertTrue(b.present("tr.flag[data-flag='FASE_8_DATA_QUALITY']"), "the viewer sees the flags");
            assertFalse(b.present("a[data-kill]"), "no kill switch for a viewer");
            b.go("/console/flags/FASE_8_DATA_QUALITY/confirm-kill");
            assertTrue(b.text("main").contains("Su rol no permite"), b.text("main"));
            b.go("/console/flags");
            assertEquals(403, b.postFromPage("/console/flags/FASE_8_DATA_QUALITY/kill"));
            b.go("/console/flags");
            assertTrue(b.text("tr.flag[data-flag='FASE_8_DATA_QUALITY']").contains("sí"), "still on");
        }
    }
}
