package com.fincafacil.incident;

import com.fincafacil.commons.events.Topics;
import com.fincafacil.incident.messaging.ReleaseEventConsumer;
import com.fincafacil.testing.TestPlatform;
import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.fincafacil.incident.FixtureRelease.figures;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fincafacil.release.events consumed through the real broker: duplicates, disorder and restarts change nothing. */
@QuarkusTest
class ReleaseEventConsumerIT {

    @Inject
    DataSource db;

    @Inject
    ReleaseEventConsumer consumer;

    @Test
    void duplicated_and_reversed_events_are_applied_once_each() {
        Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        FixtureRelease r = rolledBack("61.0.0", t);
        List<String> reversed = new ArrayList<>(r.events);
        Collections.reverse(reversed);
        List<String> twice = new ArrayList<>(reversed);
        twice.addAll(reversed);
        long duplicatesBefore = consumer.duplicates();

        r.publish(twice);

        Await.until("all events of 61.0.0 seen twice", Duration.ofSeconds(30),
                () -> consumer.duplicates() - duplicatesBefore >= r.events.size() && applied(r) == r.events.size());
        assertEquals(r.events.size(), Db.count(db, "SELECT count(*) FROM processed_events p JOIN release_events e USING (event_id) "
                + "WHERE e.release_id = ?", r.id));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM incidents WHERE release_id = ?", r.id), "one incident per release and trigger");
        // the rollback's incident opened when the rollback began, though the end of it arrived first
        assertEquals(1, Db.count(db, "SELECT count(*) FROM incidents WHERE release_id = ? AND trigger = 'ROLLBACK' AND severity = 'SEV2' "
                + "AND opened_at = ?", r.id, OffsetDateTime.ofInstant(t.plusSeconds(600), java.time.ZoneOffset.UTC)));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM incident_entries e JOIN incidents i ON i.id = e.incident_id "
                + "WHERE i.release_id = ? AND e.kind = 'opened'", r.id));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/reports/61.0.0").then().statusCode(200)
                .body("status", equalTo("ROLLED_BACK")).body("estado", equalTo("REVERTIDO"))
                .body("issues", hasItem("Rollback iniciado: automatic rollback: error_rate failed 2 times in a row"))
                .body("issues", hasItem("Tráfico devuelto a la versión anterior en 1.4 seg"))
                .body("durationSeconds", equalTo(615));
    }

    @Test
    void a_restart_mid_stream_with_everything_redelivered_applies_each_event_once() throws Exception {
        Instant t = Instant.now().minus(Duration.ofHours(2));
        FixtureRelease r = new FixtureRelease("62.0.1", "hotfix")
                .note("started", t, "hotfix: database locked timeout", null)
                .to("CHECKED", t.plusSeconds(10), null).to("BACKED_UP", t.plusSeconds(20), null)
                .to("MIGRATED", t.plusSeconds(30), null).to("DEPLOYED", t.plusSeconds(40), null)
                .to("VERIFIED", t.plusSeconds(50), null).to("SWITCHED", t.plusSeconds(60), null)
                .to("MONITORING", t.plusSeconds(70), null).to("COMPLETED", t.plusSeconds(400), null);
        r.publish(r.events.subList(0, 4));
        Await.until("first half applied", Duration.ofSeconds(30), () -> applied(r) == 4);

        consumer.stop();
        try {
            rewindGroupToTheStart();
            r.publish(r.events.subList(4, r.events.size()));
        } finally {
            long duplicatesBefore = consumer.duplicates();
            consumer.start();
            Await.until("second half applied after the restart", Duration.ofSeconds(60),
                    () -> applied(r) == r.events.size() && consumer.duplicates() - duplicatesBefore >= 4);
        }
        assertEquals(1, Db.count(db, "SELECT count(*) FROM incidents WHERE release_id = ? AND trigger = 'HOTFIX'", r.id));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM incidents WHERE release_id = ?", r.id));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/reports/62.0.1").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("durationSeconds", equalTo(400));
    }

    @Test
    void an_unreadable_record_is_skipped_and_the_next_event_applied() {
        long unreadableBefore = consumer.unreadable();
        FixtureRelease r = new FixtureRelease("63.0.0", "minor").note("started", Instant.now(), "started", null);
        try (KafkaProducer<String, String> producer = FixtureRelease.producer()) {
            producer.send(new ProducerRecord<>(Topics.RELEASE_EVENTS, r.id.toString(), "{not json"));
            producer.flush();
        }
        r.publishAll();
        Await.until("the event after the bad record", Duration.ofSeconds(30), () -> applied(r) == 1);
        assertTrue(consumer.unreadable() > unreadableBefore);
        // readiness tells it, and stays UP: one bad record must not take the service out of rotation
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'release events' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'release events' }.data.unreadable", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    static FixtureRelease rolledBack(String version, Instant t) {
        return new FixtureRelease(version, "minor")
                .note("started", t, "started", null)
                .to("CHECKED", t.plusSeconds(30), null).to("BACKED_UP", t.plusSeconds(60), null)
                .to("MIGRATED", t.plusSeconds(90), null).to("DEPLOYED", t.plusSeconds(120), null)
                .to("VERIFIED", t.plusSeconds(150), null).to("SWITCHED", t.plusSeconds(180), null)
                .to("MONITORING", t.plusSeconds(190), null)
                .event("release.rolling_back", "ROLLING_BACK", t.plusSeconds(600), "analysis",
                        "automatic rollback: error_rate failed 2 times in a row", figures("trigger", "error_rate"))
                .event("release.rolled_back", "ROLLED_BACK", t.plusSeconds(615), "release-service",
                        "traffic back on slot blue (1.0.0)", figures("rollbackMs", 1400));
    }

    private long applied(FixtureRelease r) {
        return Db.count(db, "SELECT count(*) FROM release_events WHERE release_id = ?", r.id);
    }

    /** As if the consumer had crashed before committing anything: the whole topic comes again. */
    private static void rewindGroupToTheStart() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.shared().kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = admin.describeTopics(List.of(Topics.RELEASE_EVENTS)).allTopicNames().get()
                    .get(Topics.RELEASE_EVENTS).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.RELEASE_EVENTS, p.partition()), p -> new OffsetAndMetadata(0)));
            Await.until("the group to be empty", Duration.ofSeconds(30), () -> {
                try {
                    admin.alterConsumerGroupOffsets("incident-service", start).all().get();
                    return true;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }
}
