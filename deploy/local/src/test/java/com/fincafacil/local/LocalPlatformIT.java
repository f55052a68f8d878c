package com.fincafacil.local;

import com.fincafacil.local.artifact.Artifact;
import com.fincafacil.local.artifact.ArtifactStore;
import com.fincafacil.platform.FreePorts;
import com.fincafacil.platform.KafkaBroker;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real launcher with two real farm-service slots, in a temporary home on free ports: first
 * install, the control API's verbs and refusals, switching under load, a crash, and down then up.
 * One platform serves the whole class, in order, because starting one takes half a minute.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPlatformIT {

    private static final String CANDIDATE = "1.0.1-it";

    private static Path home;
    private static PlatformLayout layout;
    private static LocalPlatform platform;
    private static ControlApiClient control;
    private static String operator;
    private static String farmVersion;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path root = repositoryRoot();
        home = Files.createTempDirectory("fincafacil-launcher-it-");
        Map<String, String> ports = new HashMap<>();
        for (String port : List.of("traffic", "entry-admin", "control", "slot.blue", "slot.green", "postgres", "kafka", "kafka-controller")) {
            ports.put("port." + port, String.valueOf(FreePorts.next()));
        }
        ports.put("services", "");
        ports.put("slot.ready-timeout-seconds", "120");
        layout = new PlatformLayout(root, home, PlatformSettings.load(root, Map.of(), ports));
        startAgain(false);
        control = new ControlApiClient(layout.settings().port("control"));
        operator = platform.tokens().mint("it-operator", "operator", Duration.ofHours(1));
        farmVersion = new ArtifactStore(layout.artifacts()).list().get(0).version();
    }

    private static void startAgain(boolean allowFaults) throws Exception {
        platform = new LocalPlatform(layout, System.out, allowFaults);
        platform.start();
        assertTrue(platform.awaitReady(180_000), "the platform became ready");
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        KafkaBroker.deleteTree(home);
    }

    @Test
    @Order(1)
    void first_install_stores_the_build_migrates_it_and_makes_blue_active() throws Exception {
        JsonObject blue = slot("blue");
        assertEquals("running", blue.getString("state"));
        assertTrue(blue.getBoolean("active"));
        assertEquals(farmVersion, blue.getString("version"));
        assertEquals("stopped", slot("green").getString("state"));

        Artifact stored = new ArtifactStore(layout.artifacts()).find(farmVersion).orElseThrow();
        assertFalse(stored.migrations().isEmpty());
        // the store's checksums are Flyway's own: they match what Flyway recorded when it applied them
        Map<String, Integer> history = new HashMap<>();
        try (Connection c = farmDb(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rs.next()) {
                history.put(rs.getString(1), rs.getInt(2));
            }
        }
        stored.migrations().forEach(m -> assertEquals(m.checksum(), history.get(m.version()), "checksum of V" + m.version()));
        assertEquals(stored.migrations().size(), history.size());

        // the smoke-test key the platform keeps reads its finca through the entry
        JsonObject smoke = new JsonObject(Files.readString(home.resolve("smoke-key.json")));
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + layout.settings().port("traffic") + "/api/v1/fincas/"
                                + smoke.getString("fincaId") + "/animals?size=1"))
                .header("X-API-Key", smoke.getString("apiKey")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("smoke-key.json"))));
    }

    @Test
    @Order(2)
    void refused_requests_answer_problems_and_change_nothing() throws Exception {
        JsonArray before = stable(control.send("GET", "/api/v1/slots", operator, null).array());
        String viewer = platform.tokens().mint("it-viewer", "viewer", Duration.ofHours(1));

        assertEquals(401, control.send("GET", "/api/v1/slots", null, null).status());
        assertEquals(401, control.send("PUT", "/api/v1/traffic", "not-a-token", "{\"slot\":\"green\"}").status());
        assertEquals(403, control.send("PUT", "/api/v1/traffic", viewer, "{\"slot\":\"green\"}").status());
        assertProblem(control.send("PUT", "/api/v1/slots/purple", operator, "{\"version\":\"" + farmVersion + "\"}"), 404, "slot");
        assertProblem(control.send("PUT", "/api/v1/slots/green", operator, "{\"version\":\"9.9.9\"}"), 404, "version");
        assertProblem(control.send("PUT", "/api/v1/slots/green", operator, "{}"), 400, "version");
        ControlApiClient.Reply toActive = control.send("PUT", "/api/v1/slots/blue", operator, "{\"version\":\"" + farmVersion + "\"}");
        assertEquals(409, toActive.status());
        assertEquals("blue", toActive.json().getJsonObject("current").getString("name"));
        assertEquals(409, control.send("PUT", "/api/v1/traffic", operator, "{\"slot\":\"green\"}").status());
        assertEquals(409, control.send("DELETE", "/api/v1/slots/blue", operator, null).status());
        // fault injection is off unless `up --allow-faults`: in the launcher and in the entry
        ControlApiClient.Reply noFaults = control.send("POST", "/api/v1/faults", operator,
                "{\"kind\":\"freeze\",\"slot\":\"blue\",\"durationSeconds\":60}");
        assertEquals(403, noFaults.status(), noFaults.body());
        assertEquals("faults_not_allowed", noFaults.json().getString("code"));
        assertTrue(noFaults.json().getString("detail").contains("./fincafacil up --allow-faults"), noFaults.body());
        assertEquals(403, new ControlApiClient(layout.settings().port("entry-admin")).send("GET", "/faults", operator, null).status());

        assertEquals(before, stable(control.send("GET", "/api/v1/slots", operator, null).array()));
        assertEquals("blue", control.send("GET", "/api/v1/traffic", operator, null).json().getString("activeSlot"));
    }

    @Test
    @Order(3)
    void control_api_listens_on_the_loopback_only() throws Exception {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            for (var address : nic.inetAddresses().toList()) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, layout.settings().port("control")), 500);
                        throw new AssertionError("control API answered on " + address);
                    } catch (IOException expected) {
                        // refused: good
                    }
                }
            }
        }
    }

    @Test
    @Order(4)
    void a_slot_that_cannot_start_is_reported_with_its_exit_code_and_log() throws Exception {
        Path broken = home.resolve("broken-build");
        Files.createDirectories(broken.resolve("app"));
        Files.writeString(broken.resolve("quarkus-run.jar"), "not a jar");
        new ArtifactStore(layout.artifacts()).add(broken, "0.0.1-broken");

        ControlApiClient.Reply reply = control.send("PUT", "/api/v1/slots/green", operator, "{\"version\":\"0.0.1-broken\"}");
        assertEquals(500, reply.status(), reply.body());
        JsonObject current = reply.json().getJsonObject("current");
        assertEquals("failed", current.getString("state"));
        assertNotEquals(0, current.getInteger("exitCode"));
        assertTrue(current.getJsonArray("log").encode().contains("jarfile"), current.encode());
        assertEquals("blue", control.send("GET", "/api/v1/traffic", operator, null).json().getString("activeSlot"));
    }

    @Test
    @Order(5)
    void deploying_the_same_version_again_changes_nothing() throws Exception {
        new ArtifactStore(layout.artifacts()).add(layout.serviceApp(PlatformLayout.FARM_SERVICE), CANDIDATE);
        ControlApiClient.Reply first = control.send("PUT", "/api/v1/slots/green", operator, "{\"version\":\"" + CANDIDATE + "\"}");
        assertEquals(200, first.status(), first.body());
        assertEquals("running", first.json().getString("state"));
        ControlApiClient.Reply again = control.send("PUT", "/api/v1/slots/green", operator, "{\"version\":\"" + CANDIDATE + "\"}");
        assertEquals(200, again.status());
        assertEquals(first.json().getLong("pid"), again.json().getLong("pid"));
        assertEquals(CANDIDATE, slot("green").getString("version"));
    }

    @Test
    @Order(6)
    void switching_back_and_forth_under_load_fails_no_request_and_loses_no_write() throws Exception {
        String entry = "http://127.0.0.1:" + layout.settings().port("traffic");
        FarmFixture finca = FarmFixture.create(entry, operator);
        int switches = 24;
        SwitchLoad load = new SwitchLoad(entry, finca.fincaId(), finca.apiKey(), 8);
        long t0 = System.nanoTime();
        try {
            Thread.sleep(1000);
            for (int i = 0; i < switches; i++) {
                String target = i % 2 == 0 ? "green" : "blue";
                ControlApiClient.Reply reply = control.send("PUT", "/api/v1/traffic", operator, "{\"slot\":\"" + target + "\"}");
                assertEquals(200, reply.status(), reply.body());
                Thread.sleep(400);
            }
        } finally {
            load.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("switch test: %d switches, %d acknowledged writes, %d failed, %.0f req/s, p99 %.1f ms%n",
                switches, load.acknowledged.size(), load.failures.size(), load.latenciesMicros.size() / seconds,
                load.p99Micros() / 1000.0);
        assertEquals(List.of(), load.failures.subList(0, Math.min(5, load.failures.size())));
        assertTrue(load.acknowledged.size() > 100, "enough writes to mean something: " + load.acknowledged.size());
        Map<String, Integer> stored = storedEarTags(finca.fincaId());
        for (String tag : load.acknowledged) {
            assertEquals(1, stored.getOrDefault(tag, 0), "acknowledged write " + tag + " stored once");
        }
        String metrics = EntryMetricsScrape.fetch(layout.settings().port("entry-admin"));
        assertTrue(EntryMetricsScrape.requests(metrics, "green", "201") > 0, "green took writes");
        assertTrue(EntryMetricsScrape.requests(metrics, "blue", "201") > 0, "blue took writes");
    }

    @Test
    @Order(7)
    void a_slot_killed_mid_request_during_a_switch_loses_no_acknowledged_write() throws Exception {
        String entry = "http://127.0.0.1:" + layout.settings().port("traffic");
        FarmFixture finca = FarmFixture.create(entry, operator);
        assertEquals(200, control.send("PUT", "/api/v1/traffic", operator, "{\"slot\":\"green\"}").status());
        JsonObject green = slot("green");
        // farm apps that send a write again with its Idempotency-Key when the answer is lost, as the API asks
        SwitchLoad load = SwitchLoad.retrying(entry, finca.fincaId(), finca.apiKey(), 8);
        try {
            Thread.sleep(1000);
            // green stops with the clients' requests inside it (SIGSTOP: some read, some mid-transaction,
            // some committed and unanswered), the switch sends new requests to blue, and green dies
            // holding them (SIGKILL): the worst moment for a write
            long pid = green.getLong("pid");
            assertEquals(0, new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start().waitFor());
            Thread.sleep(300);
            assertEquals(200, control.send("PUT", "/api/v1/traffic", operator, "{\"slot\":\"blue\"}").status());
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            Thread.sleep(2000);
        } finally {
            load.close();
        }
        System.out.printf("slot killed during a switch: %d acknowledged writes, %d answers lost and sent again, %d failed%n",
                load.acknowledged.size(), load.retried.get(), load.failures.size());
        assertEquals(List.of(), load.failures.subList(0, Math.min(5, load.failures.size())), "every write ends acknowledged");
        assertTrue(load.retried.get() > 0, "green was killed holding requests, whose answers were lost");
        assertEquals("blue", control.send("GET", "/api/v1/traffic", operator, null).json().getString("activeSlot"),
                "traffic stays on the slot that is ready");
        Map<String, Integer> stored = storedEarTags(finca.fincaId());
        for (String tag : load.acknowledged) {
            assertEquals(1, stored.getOrDefault(tag, 0), "acknowledged write " + tag + " stored once");
        }
        assertEquals(load.acknowledged, stored.keySet(), "nothing stored that no client was told of");
        // green back for the tests after this one
        ControlApiClient.Reply back = control.send("PUT", "/api/v1/slots/green", operator,
                "{\"version\":\"" + green.getString("version") + "\"}");
        assertEquals(200, back.status(), back.body());
    }

    @Test
    @Order(8)
    void a_crashed_slot_is_reported_and_left_down() throws Exception {
        assertEquals(200, control.send("PUT", "/api/v1/traffic", operator, "{\"slot\":\"blue\"}").status());
        long pid = slot("green").getLong("pid");
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        JsonObject green = slot("green");
        for (int i = 0; i < 50 && !"crashed".equals(green.getString("state")); i++) {
            Thread.sleep(100);
            green = slot("green");
        }
        assertEquals("crashed", green.getString("state"));
        assertNotNull(green.getInteger("exitCode"));
        Thread.sleep(2500);
        assertEquals(pid, slot("green").getLong("pid"), "not restarted behind the operator's back");
        assertEquals("crashed", slot("green").getString("state"));
        assertEquals(409, control.send("PUT", "/api/v1/traffic", operator, "{\"slot\":\"green\"}").status());
    }

    @Test
    @Order(9)
    void down_then_up_brings_back_the_same_versions_in_the_same_slots() throws Exception {
        platform.close();
        startAgain(true); // with --allow-faults, for the next test
        JsonObject blue = slot("blue");
        JsonObject green = slot("green");
        assertTrue(blue.getBoolean("active"));
        assertEquals(farmVersion, blue.getString("version"));
        assertEquals(1, blue.getInteger("restarts"));
        assertEquals(CANDIDATE, green.getString("version"));
        assertEquals("running", green.getString("state"));
    }

    @Test
    @Order(10)
    void with_faults_allowed_an_abort_answers_for_its_slot_and_a_freeze_holds_a_slot_until_thawed() throws Exception {
        String health = "http://127.0.0.1:" + layout.settings().port("traffic") + "/q/health/ready";
        ControlApiClient.Reply abort = control.send("POST", "/api/v1/faults", operator,
                "{\"kind\":\"abort\",\"slot\":\"blue\",\"percentage\":100,\"path\":\"/q/health/ready\",\"durationSeconds\":120}");
        assertEquals(201, abort.status(), abort.body());
        assertEquals("/api/v1/faults/" + abort.json().getString("id"), abort.headers().firstValue("Location").orElse(""));
        java.net.http.HttpResponse<String> aborted = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(health)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(503, aborted.statusCode());
        assertEquals("Injected fault", new JsonObject(aborted.body()).getString("title"));
        assertTrue(EntryMetricsScrape.requests(EntryMetricsScrape.fetch(layout.settings().port("entry-admin")), "blue", "503") >= 1);

        long pid = slot("green").getLong("pid");
        ControlApiClient.Reply freeze = control.send("POST", "/api/v1/faults", operator,
                "{\"kind\":\"freeze\",\"slot\":\"green\",\"durationSeconds\":120}");
        assertEquals(201, freeze.status(), freeze.body());
        assertEquals(pid, freeze.json().getLong("pid"));
        assertFalse(ServiceProcess.isReady(layout.slotUrl("green")), "a frozen slot does not answer (3 s timeout)");
        assertEquals("frozen", slot("green").getString("state"));
        assertEquals(List.of("abort", "freeze"), control.send("GET", "/api/v1/faults", operator, null).array().stream()
                .map(f -> ((JsonObject) f).getString("kind")).toList());

        assertEquals(200, control.send("DELETE", "/api/v1/faults/" + freeze.json().getString("id"), operator, null).status());
        boolean back = false;
        for (int i = 0; i < 50 && !back; i++) {
            back = ServiceProcess.isReady(layout.slotUrl("green"));
            Thread.sleep(back ? 0 : 200);
        }
        assertTrue(back, "green answers again once thawed");
        assertEquals(pid, slot("green").getLong("pid"), "the same process, thawed");

        ControlApiClient.Reply cleared = control.send("DELETE", "/api/v1/faults", operator, null);
        assertEquals(1, cleared.json().getJsonArray("removed").size(), cleared.body());
        assertTrue(ServiceProcess.isReady("http://127.0.0.1:" + layout.settings().port("traffic")), "blue answers through the entry again");
    }

    private static JsonObject slot(String name) throws Exception {
        ControlApiClient.Reply reply = control.send("GET", "/api/v1/slots/" + name, operator, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** The parts of a slot listing that a refused request must not change. */
    private static JsonArray stable(JsonArray slots) {
        JsonArray out = new JsonArray();
        slots.forEach(o -> {
            JsonObject s = (JsonObject) o;
            out.add(new JsonObject().put("name", s.getString("name")).put("state", s.getString("state"))
                    .put("version", s.getString("version")).put("pid", s.getValue("pid")).put("active", s.getBoolean("active")));
        });
        return out;
    }

    /** How many times each ear tag of the finca is in the farm database. */
    private static Map<String, Integer> storedEarTags(String fincaId) throws Exception {
        try (Connection c = farmDb(); PreparedStatement count = c.prepareStatement(
                "SELECT ear_tag, count(*) FROM animals WHERE finca_id = ?::uuid GROUP BY ear_tag")) {
            count.setString(1, fincaId);
            Map<String, Integer> stored = new HashMap<>();
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getInt(2));
                }
            }
            return stored;
        }
    }

    private static void assertProblem(ControlApiClient.Reply reply, int status, String field) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(field, reply.json().getString("field"), reply.body());
        assertFalse(reply.body().contains("Exception"), reply.body());
    }

    private static Connection farmDb() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + layout.settings().port("postgres") + "/farm",
                "postgres", "postgres");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("fincafacil"))) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.exists(dir.resolve("farm-service/target/quarkus-app/quarkus-run.jar"))) {
            throw new IllegalStateException("run from the repository, after farm-service is packaged");
        }
        return dir;
    }
}
