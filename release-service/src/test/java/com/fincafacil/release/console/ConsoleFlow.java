package com.fincafacil.release.console;

import com.fincafacil.release.system.LauncherResource;
import com.fincafacil.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real Chromium on the release flow's platform (the launcher, two farm-service
 * slots, PostgreSQL, Kafka), run as ReleaseFlowIT's last nested class so that it always follows
 * the releases there in the same JVM, whichever test fork runs it: an operator signs in with the one-time link,
 * plans 1.0.15, acknowledges its gates, starts it and watches it through its steps without a
 * reload, sees the analysis' measurements, rolls it back; changes a flag on the real
 * flags-service and meets the conflict of a stale form; a viewer finds no button and is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ConsoleFlow {

    private static final String VERSION = "1.0.15";

    private static CompletableFuture<ServiceJar> flags;
    private static CompletableFuture<ServiceJar> incidents;

    /** The real flags-service and incident-service start while the release runs in the browser. */
    @BeforeAll
    static void startOtherServices() {
        TestPlatform platform = TestPlatform.shared();
        Map<String, String> common = Map.of("kafka.bootstrap.servers", platform.kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", platform.tokens().publicKeyFile().toString(),
                "mp.jwt.verify.issuer", com.fincafacil.platform.OperatorTokens.ISSUER);
        flags = CompletableFuture.supplyAsync(() -> start("flags-service", LauncherResource.flagsPort, common, Map.of(
                "fincafacil.flags.seed-file", java.nio.file.Path.of("..", "config", "feature_flags.json").toAbsolutePath().toString(),
                "fincafacil.flags.deployment-file", java.nio.file.Path.of("..", "config", "deployment.json").toAbsolutePath().toString())));
        incidents = CompletableFuture.supplyAsync(() -> start("incident-service", LauncherResource.incidentPort, common, Map.of(
                "fincafacil.incident.reports.directory", tempDir("console-incidents-"),
                // webhook URLs are sealed at rest: the service needs its key (a fresh one per run)
                "fincafacil.incident.secret-key", secretKey())));
    }

    private static ServiceJar start(String module, int port, Map<String, String> common, Map<String, String> own) {
        try {
            String database = "console_" + module.replace("-service", "");
            TestPlatform.shared().postgres().ensureDatabase(database);
            Map<String, String> properties = new java.util.HashMap<>(common);
            properties.putAll(own);
            properties.put("quarkus.datasource.jdbc.url", TestPlatform.shared().postgres().jdbcUrl(database));
            return ServiceJar.start(module, port, properties);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tempDir(String prefix) {
        try {
            return java.nio.file.Files.createTempDirectory(prefix).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopOtherServices() throws Exception {
        for (CompletableFuture<ServiceJar> service : java.util.List.of(flags, incidents)) {
            if (service != null) {
                service.join().close();
            }
        }
    }

    private String base() {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("test.url", String.class);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Browser signedIn(String role, int width) {
        Browser browser = Browser.open(base(), width, 1400, "es-CO,es");
        browser.go("/console/login?code=" + ConsoleSessionIT.code(role));
        browser.await(Duration.ofSeconds(10), d -> d.getCurrentUrl().endsWith("/console"));
        return browser;
    }

    @Test
    @Order(1)
    void an_operator_plans_starts_watches_and_rolls_back_a_release_in_the_browser() {
        try (Browser b = signedIn("operator", 1280)) {
            assertEquals("Ahora", b.text("h1"), "Spanish by default");
            String running = b.text("#running-version");
            b.screenshot("now");

            b.go("/console/releases");
            b.find("#plan-version").sendKeys(VERSION);
            new Select(b.find("#plan-kind")).selectByValue("hotfix");
            b.find("#plan-form button[type=submit]").click();
            b.await(Duration.ofSeconds(10), d -> b.present("#done"));
            assertEquals("Versión planeada.", b.text("#done"));

            for (String item : new String[] {"team_available", "users_told"}) {
                b.find("button[data-ack='" + item + "']").click();
                b.await(Duration.ofSeconds(10), d -> b.present("[data-ack-done='" + item + "']"));
            }
            assertEquals("Confirmación registrada.", b.text("#done"));

            b.find("a[data-verb='start']").click();
            b.await(Duration.ofSeconds(10), d -> b.present("#consequence"));
            assertTrue(b.text("#consequence").contains("el tráfico de las fincas se pasa a la nueva versión"), b.text("#consequence"));
            b.find("input[name=reason]").sendKeys("console drill");
            b.find("#confirm-button").click();
            b.await(Duration.ofSeconds(10), d -> b.present("#done"));
            assertEquals("Versión iniciada: siga sus pasos aquí.", b.text("#done"));

            // from here the page is never reloaded: htmx swaps the live part in
            b.script("window.__sameDocument = true;");
            b.await(Duration.ofMinutes(3), d -> java.util.List.of("En vigilancia", "Fallida").contains(b.text("#release-state")));
            assertEquals("En vigilancia", b.text("#release-state"), b.text("#live"));
            b.await(Duration.ofSeconds(30), d -> b.driver.findElements(By.cssSelector("figure[data-check='uptime'] circle")).size() >= 2);
            WebElement uptime = b.find("figure[data-check='uptime']");
            assertTrue(uptime.getText().contains("Disponibilidad: 1.0"), uptime.getText());
            assertTrue(uptime.getText().contains("bien"), "the measurement's verdict, in Spanish: " + uptime.getText());
            assertEquals(Boolean.TRUE, b.script("return window.__sameDocument === true;"), "the steps arrived without a reload");
            assertTrue(b.text(".timeline").contains("Tráfico cambiado"), b.text(".timeline"));
            b.screenshot("release");

            b.go("/console/releases/" + b.driver.getCurrentUrl().replaceAll(".*/releases/([^/?]+).*", "$1"));
            b.await(Duration.ofSeconds(10), d -> b.present("a[data-verb='rollback']"));
            b.find("a[data-verb='rollback']").click();
            b.await(Duration.ofSeconds(10), d -> b.present("#consequence"));
            assertTrue(b.text("#consequence").contains("vuelve a la versión anterior"), b.text("#consequence"));
            b.find("#confirm-button").click();
            b.await(Duration.ofSeconds(10), d -> b.present("#done"));
            assertEquals("Reversión en marcha: el tráfico vuelve a la versión anterior.", b.text("#done"));
            b.await(Duration.ofSeconds(30), d -> "Revertida".equals(b.text("#release-state")));
            assertTrue(b.text("#rollback-time").endsWith(" ms"), "the rollback time is shown: " + b.text("#rollback-time"));

            b.go("/console");
            assertEquals(running, b.text("#running-version"), "traffic is back on the version that ran before");
            b.go("/console/releases?state=ROLLED_BACK");
            assertTrue(b.text("table").contains(VERSION), "the list filtered by state has it");
            b.screenshot("releases");
        }
    }

    @Test
    @Order(2)
    void a_flag_percentage_changes_and_a_stale_form_is_told_it_is_stale() throws Exception {
        flags.join().awaitReady(Duration.ofSeconds(60));
        try (Browser fresh = signedIn("operator", 1280); Browser stale = signedIn("operator", 1280)) {
            fresh.go("/console/flags");
            stale.go("/console/flags");
            WebElement row = fresh.find("tr.flag form.percentage");
            String key = row.findElement(By.xpath("ancestor::tr")).getAttribute("data-flag");
            String form = "tr.flag[data-flag='" + key + "'] form.percentage";
            int current = Integer.parseInt(fresh.find(form + " input[name=percentage]").getAttribute("value"));
            int next = current >= 90 ? current - 7 : current + 7;
            fresh.find(form + " input[name=percentage]").clear();
            fresh.find(form + " input[name=percentage]").sendKeys(String.valueOf(next));
            fresh.find(form + " input[name=reason]").sendKeys("pilot week 2");
            fresh.find(form + " button").click();
            fresh.await(Duration.ofSeconds(10), d -> fresh.present("#done"));
            assertEquals(String.valueOf(next), fresh.find(form + " input[name=percentage]").getAttribute("value"));
            assertTrue(fresh.text("section[aria-labelledby=h-audit]").contains("pilot week 2"), "the audit log has the change");
            assertTrue(fresh.find("tr.flag[data-flag='" + key + "']").getText().contains("test-operator"), "who changed it last");
            fresh.screenshot("flags");

            stale.find(form + " input[name=percentage]").clear();
            stale.find(form + " input[name=percentage]").sendKeys("1");
            stale.find(form + " button").click();
            stale.await(Duration.ofSeconds(10), d -> stale.present("#problem"));
            assertTrue(stale.text("#problem").contains("Alguien cambió esta bandera desde que abrió el formulario"), stale.text("#problem"));
            assertEquals(String.valueOf(next), stale.find(form + " input[name=percentage]").getAttribute("value"),
                    "nothing changed, and the form now shows the current value");
        }
    }

    @Test
    @Order(3)
    void the_incidents_screen_shows_the_flows_rollbacks_reports_and_dora_bands() throws Exception {
        incidents.join().awaitReady(Duration.ofSeconds(60));
        try (Browser b = signedIn("viewer", 1280)) {
            b.await(Duration.ofSeconds(40), d -> {
                b.go("/console/incidents");
                return b.present("pre.report") && b.text("pre.report").contains("DESPLIEGUE: v");
            });
            assertTrue(b.text("pre.report").contains("ESTADO:"), b.text("pre.report"));
            assertTrue(b.text("section[aria-labelledby=h-dora]").contains("Frecuencia de despliegue"));
            b.screenshot("incidents");
        }
    }

    @Test
    @Order(4)
    void a_viewer_finds_no_action_button_and_is_refused_when_posting_anyway() {
        try (Browser b = signedIn("viewer", 390)) {
            b.go("/console/releases");
            b.driver.findElement(By.linkText(VERSION)).click();
            b.await(Duration.ofSeconds(10), d -> b.present("#release-state"));
            assertFalse(b.present("a[data-verb]"), "no action for a viewer");
            assertFalse(b.present("#h-actions"));
            String id = b.driver.getCurrentUrl().replaceAll(".*/releases/([^/?]+).*", "$1");
            assertEquals(403, b.postFromPage("/console/releases/" + id + "/rollback"));
            assertEquals(403, b.postFromPage("/console/releases/" + id + "/acks"));
            b.go("/console/flags");
            assertFalse(b.present("form.percentage"), "no flag form for a viewer");
            b.find("a[hreflang=en]").click();
            b.await(Duration.ofSeconds(10), d -> "Flags".equals(b.text("h1")));
            b.go("/console");
            assertEquals("Now", b.text("h1"), "the switch's choice holds over the browser's Spanish");
            b.screenshot("now-phone-viewer-english");
        }
    }

    private static String secretKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
