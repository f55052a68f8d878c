package com.fincafacil.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Announcements delivered to a real local HTTP receiver in Slack, Teams and generic shapes. */
@QuarkusTest
class AnnouncementIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t";

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logLines.add(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<String> channelIds = new CopyOnWriteArrayList<>();

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void cleanUp() {
        Logger.getLogger("").removeHandler(capture);
        channelIds.forEach(id -> given().header("Authorization", TestTokens.bearer("admin")).when()
                .delete("/api/v1/announcements/channels/" + id).then().statusCode(204));
    }

    @Test
    void incidents_are_announced_to_slack_and_teams_and_a_refused_post_is_retried() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String slackPath = "/services/T01/B02/" + SECRET + "SlackToken";
            String teamsPath = "/webhookb2/" + SECRET + "TeamsToken";
            receiver.failNext(slackPath, 2);
            given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON)
                    .body(channel("slack-" + UUID.randomUUID(), "SLACK", receiver.url(slackPath), "INCIDENT_OPENED"))
                    .when().post("/api/v1/announcements/channels").then().statusCode(201)
                    .body("url", equalTo("http://127.0.0.1:" + receiver.port() + "/****")).body("status", equalTo("UNTESTED"));
            channelIds.add(idOf("SLACK"));
            given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON)
                    .body(channel("teams-" + UUID.randomUUID(), "TEAMS", receiver.url(teamsPath), "INCIDENT_OPENED"))
                    .when().post("/api/v1/announcements/channels").then().statusCode(201);
            channelIds.add(idOf("TEAMS"));

            String title = "Báscula caída " + UUID.randomUUID().toString().substring(0, 8);
            given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                    .body("{\"title\":\"" + title + "\",\"severity\":\"SEV2\"}").when().post("/api/v1/incidents").then().statusCode(201);

            String expected = "🚨 Incidente SEV2 abierto: " + title + " (versión -).";
            Await.until("the Slack post accepted on the third try", Duration.ofSeconds(30),
                    () -> receiver.at(slackPath).stream().anyMatch(r -> r.answered() == 200 && r.body().contains(title)));
            List<WebhookReceiver.Received> slack = receiver.at(slackPath).stream().filter(r -> r.body().contains(title)).toList();
            assertEquals(List.of(500, 500, 200), slack.stream().map(WebhookReceiver.Received::answered).toList());
            assertEquals(JSON.createObjectNode().put("text", expected), JSON.readTree(slack.get(2).body()));
            Await.until("the Teams post", Duration.ofSeconds(30), () -> receiver.at(teamsPath).stream().anyMatch(r -> r.body().contains(title)));
            JsonNode teams = JSON.readTree(receiver.at(teamsPath).stream().filter(r -> r.body().contains(title)).findFirst().orElseThrow().body());
            assertEquals("MessageCard", teams.get("@type").asText());
            assertEquals("https://schema.org/extensions", teams.get("@context").asText());
            assertEquals(expected, teams.get("text").asText());

            String deliveries = given().header("Authorization", TestTokens.bearer("viewer")).queryParam("status", "DELIVERED")
                    .when().get("/api/v1/announcements/deliveries").then().statusCode(200)
                    .body("find { it.text == '" + expected + "' && it.attempts == 3 }.status", equalTo("DELIVERED"))
                    .extract().asString();
            String channels = given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/announcements/channels")
                    .then().statusCode(200).extract().asString();
            assertFalse(channels.contains(SECRET) || deliveries.contains(SECRET), "the webhook's secret is never answered");
            assertFalse(logLines.stream().anyMatch(l -> l.contains(SECRET)), "the webhook's secret is never logged");
        }
    }

    @Test
    void a_channel_that_keeps_failing_is_reported_and_blocks_nothing() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/hook/" + SECRET + "Dead";
        given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON)
                .body(channel("dead-" + UUID.randomUUID(), "WEBHOOK", url, "INCIDENT_OPENED")).when().post("/api/v1/announcements/channels")
                .then().statusCode(201);
        String id = idOf("WEBHOOK");
        channelIds.add(id);
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"title\":\"Sin red en la finca\",\"severity\":\"SEV4\"}").when().post("/api/v1/incidents").then().statusCode(201);
        Await.until("the channel reported failing", Duration.ofSeconds(30), () -> "FAILING".equals(
                given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/announcements/channels").then()
                        .extract().path("find { it.id == '" + id + "' }.status")));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/announcements/channels").then()
                .body("find { it.id == '" + id + "' }.lastError", equalTo("sin conexión"));
        // still queued for a later attempt, not dropped
        given().header("Authorization", TestTokens.bearer("viewer")).queryParam("status", "PENDING").when()
                .get("/api/v1/announcements/deliveries").then().statusCode(200)
                .body("find { it.channelId == '" + id + "' }.lastError", equalTo("sin conexión"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'announcements' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'announcements' }.data.failing_channels", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        // the capture does see the service's log: the failing channel is reported there by name
        Await.until("the failing channel logged", Duration.ofSeconds(10),
                () -> logLines.stream().anyMatch(l -> l.contains("failed 3 times in a row") && l.contains("'dead-")));
        assertFalse(logLines.stream().anyMatch(l -> l.contains(SECRET)), "the webhook's secret is never logged");
    }

    @Test
    void operators_edit_templates_and_admins_alone_manage_channels() throws Exception {
        String operator = TestTokens.bearer("operator");
        given().header("Authorization", operator).contentType(ContentType.JSON)
                .body("{\"template\":\"Resuelto: {title} en {timeToRestoreMinutes} min\"}")
                .when().put("/api/v1/announcements/templates/INCIDENT_RESOLVED").then().statusCode(200);
        given().header("Authorization", operator).contentType(ContentType.JSON).body("{\"template\":\"{nope}\"}")
                .when().put("/api/v1/announcements/templates/INCIDENT_RESOLVED").then().statusCode(400).body("field", equalTo("template"));
        given().header("Authorization", operator).contentType(ContentType.JSON).body("{\"template\":\"x\"}")
                .when().put("/api/v1/announcements/templates/LUNCH").then().statusCode(400).body("field", equalTo("kind"));
        given().header("Authorization", TestTokens.bearer("viewer")).contentType(ContentType.JSON).body("{\"template\":\"x\"}")
                .when().put("/api/v1/announcements/templates/GO_LIVE").then().statusCode(403);
        given().header("Authorization", operator).contentType(ContentType.JSON)
                .body(channel("nope", "SLACK", "https://hooks.example/x", "GO_LIVE")).when().post("/api/v1/announcements/channels")
                .then().statusCode(403);
        String admin = TestTokens.bearer("admin");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(channel("bad-url", "SLACK", "ftp://hooks.example/x", "GO_LIVE"))
                .when().post("/api/v1/announcements/channels").then().statusCode(400).body("field", equalTo("url"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(channel("bad-event", "SLACK", "https://hooks.example/x", "LUNCH"))
                .when().post("/api/v1/announcements/channels").then().statusCode(400).body("field", equalTo("events"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(channel("bad-kind", "DISCORD", "https://hooks.example/x", "GO_LIVE"))
                .when().post("/api/v1/announcements/channels").then().statusCode(400).body("field", equalTo("kind"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(channel(null, "SLACK", "ftp://hooks.example/x", "LUNCH"))
                .when().post("/api/v1/announcements/channels").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("events", "name", "url"))
                .body("errors.find { it.field == 'url' }.code", equalTo("invalid_url"))
                .body("errors.find { it.field == 'events' }.code", equalTo("unknown_value"))
                .body("errors.find { it.field == 'events' }.message", org.hamcrest.Matchers.containsString("INCIDENT_OPENED"));
        given().header("Authorization", admin).when().delete("/api/v1/announcements/channels/" + UUID.randomUUID()).then().statusCode(404);

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String name = "generic-" + UUID.randomUUID();
            given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(channel(name, "WEBHOOK", receiver.url("/generic"), "INCIDENT_RESOLVED")).when().post("/api/v1/announcements/channels")
                    .then().statusCode(201);
            given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(channel(name, "WEBHOOK", receiver.url("/generic"), "INCIDENT_RESOLVED")).when().post("/api/v1/announcements/channels")
                    .then().statusCode(409);
            channelIds.add(idOf("WEBHOOK"));
            String title = "Lector RFID " + UUID.randomUUID().toString().substring(0, 8);
            String id = given().header("Authorization", operator).contentType(ContentType.JSON)
                    .body("{\"title\":\"" + title + "\",\"severity\":\"SEV3\"}").when().post("/api/v1/incidents").then().statusCode(201)
                    .extract().path("id");
            given().header("Authorization", operator).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/incidents/" + id + "/resolve").then().statusCode(200);
            Await.until("the generic post", Duration.ofSeconds(30), () -> receiver.at("/generic").stream().anyMatch(r -> r.body().contains(title)));
            JsonNode doc = JSON.readTree(receiver.at("/generic").stream().filter(r -> r.body().contains(title)).findFirst().orElseThrow().body());
            assertEquals("INCIDENT_RESOLVED", doc.get("kind").asText());
            assertEquals("Resuelto: " + title + " en 0 min", doc.get("text").asText());
            assertEquals(title, doc.get("values").get("title").asText());
        }
    }

    private static String channel(String name, String kind, String url, String event) {
        return JSON.createObjectNode().put("name", name).put("kind", kind).put("url", url)
                .set("events", JSON.createArrayNode().add(event)).toString();
    }

    /** The id of the newest channel of a kind created by this test (names are random). */
    private String idOf(String kind) {
        List<String> ids = given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/announcements/channels")
                .then().extract().path("findAll { it.kind == '" + kind + "' }.id");
        return ids.stream().filter(i -> !channelIds.contains(i)).findFirst().orElseThrow();
    }
}
