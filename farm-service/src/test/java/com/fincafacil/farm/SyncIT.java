package com.fincafacil.farm;

import com.fincafacil.commons.events.Topics;
import com.fincafacil.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An offline phone's batch (POST …/sync): in order, idempotent per operation, refusals isolated to their animal. */
@QuarkusTest
class SyncIT {

    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS);

    @Inject
    DataSource dataSource;

    static Map<String, Object> op(String type, Map<String, Object> reference, Map<String, Object> body) {
        Map<String, Object> op = new HashMap<>(reference);
        op.put("id", UUID.randomUUID().toString());
        op.put("recordedAt", YESTERDAY.toString());
        op.put("type", type);
        op.put("body", body);
        return op;
    }

    static Map<String, Object> register(String earTag) {
        return op("registration", Map.of(), Map.of("earTag", earTag, "sex", "hembra", "birthDate", "2022-01-15"));
    }

    static JsonPath sync(FarmApi.Finca finca, List<Map<String, Object>> ops) {
        return finca.app().body(Map.of("operations", ops)).when().post(finca.path("/sync"))
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_batch_is_applied_in_order_and_its_replay_changes_nothing() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Sin Señal", "piloto");
        List<Map<String, Object>> ops = List.of(
                register("SS-1"),
                op("weighing", Map.of("earTag", "ss-1"), Map.of("weightKg", 310)),
                op("treatment", Map.of("earTag", "SS-1"), Map.of("product", "Ivermectina", "dose", "5 ml")),
                register("SS-2"));
        JsonPath first = sync(finca, ops);
        assertEquals(List.of("applied", "applied", "applied", "applied"), first.getList("results.outcome"));
        assertEquals(List.of(201, 201, 201, 201), first.getList("results.status"));
        assertEquals(ops.stream().map(o -> o.get("id")).toList(), first.getList("results.id"), "one result per operation, in order");
        String yesterdayInBogota = LocalDate.ofInstant(YESTERDAY, ZoneId.of("America/Bogota")).toString();
        assertEquals(yesterdayInBogota, first.getString("results[1].result.date"), "an event without a date is dated when it was recorded");
        String animal = first.getString("results[0].result.id");
        finca.app().get(finca.path("/animals/" + animal)).then().statusCode(200)
                .body("animal.weightKg", equalTo(310.0f)).body("weighings.size()", equalTo(1)).body("treatments.size()", equalTo(1));
        Map<String, Long> counts = counts(finca);
        Predicate<ConsumerRecord<String, String>> written = r -> finca.id().equals(r.key())
                && List.of("animal.registered", "animal.weighed", "treatment.recorded").contains(typeOf(r.value()));
        List<?> events = KafkaProbe.awaitRecords(Topics.FARM_EVENTS, written, 4, Duration.ofSeconds(30));
        assertEquals(4, events.size());

        JsonPath replay = sync(finca, ops);
        assertEquals(List.of("replayed", "replayed", "replayed", "replayed"), replay.getList("results.outcome"));
        assertEquals(first.getList("results.result"), replay.getList("results.result"), "a replay answers what the first time did");
        assertEquals(4, replay.getInt("replayed"));
        assertEquals(counts, counts(finca), "the replay wrote nothing");
        var after = KafkaProbe.awaitRecords(Topics.FARM_EVENTS, written, 5, Duration.ofSeconds(3));
        assertEquals(4, after.size(), "and emitted no event");
    }

    @Test
    void a_refused_operation_holds_back_only_the_later_operations_on_its_animal() {
        FarmApi.Finca finca = FarmApi.finca("Una Mala", "piloto");
        String cow = finca.animal("UM-1", "hembra");
        finca.animal("UM-0", "macho");
        Map<String, Object> badWeighing = op("weighing", Map.of("animalId", cow), Map.of("date", "2025-02-01", "weightKg", 0));
        List<Map<String, Object>> ops = List.of(
                badWeighing,
                op("treatment", Map.of("earTag", "UM-1"), Map.of("product", "Ivermectina", "dose", "5 ml", "date", "2025-02-02")),
                register("UM-2"),
                op("weighing", Map.of("earTag", "UM-2"), Map.of("date", "2025-02-03", "weightKg", 200)),
                op("vacunacion", Map.of("earTag", "UM-2"), Map.of()),
                register("UM-0"),
                op("sale", Map.of("animalId", UUID.randomUUID().toString()), Map.of("date", "2025-02-03", "priceCop", 1, "buyer", "x")));
        JsonPath answer = sync(finca, ops);
        assertEquals(List.of("refused", "refused", "applied", "applied", "refused", "refused", "refused"), answer.getList("results.outcome"));
        assertEquals("out_of_range", answer.getString("results[0].problem.code"));
        assertEquals("weightKg", answer.getString("results[0].problem.field"));
        assertEquals("depends_on_refused", answer.getString("results[1].problem.code"));
        assertEquals(422, answer.getInt("results[1].status"));
        assertTrue(answer.getString("results[1].problem.detail").contains((String) badWeighing.get("id")),
                "the dependent operation names the one it waited for: " + answer.getString("results[1].problem.detail"));
        assertEquals("unknown_value", answer.getString("results[4].problem.code"));
        assertEquals("type", answer.getString("results[4].problem.field"));
        assertEquals("ear_tag_taken", answer.getString("results[5].problem.code"));
        assertEquals("animal_not_found", answer.getString("results[6].problem.code"));
        assertEquals(2, answer.getInt("applied"));
        finca.app().get(finca.path("/animals/" + cow)).then().body("weighings.size()", equalTo(0)).body("treatments.size()", equalTo(0));

        // the same batch again: the applied ones replay, the refused ones are refused again, nothing is added
        JsonPath again = sync(finca, ops);
        assertEquals(List.of("refused", "refused", "replayed", "replayed", "refused", "refused", "refused"), again.getList("results.outcome"));
        finca.app().get(finca.path("/animals")).then().body("earTag", equalTo(List.of("UM-0", "UM-1", "UM-2")));
    }

    @Test
    void a_weighing_recorded_offline_for_an_animal_sold_meanwhile_is_refused_as_animal_sold() {
        FarmApi.Finca finca = FarmApi.finca("Vendida Mientras", "piloto");
        String steer = finca.animal("VM-1", "macho");
        finca.app().body(Map.of("date", "2025-03-01", "priceCop", 2_500_000, "buyer", "Feria de Montería"))
                .when().post(finca.path("/animals/" + steer + "/sale")).then().statusCode(201);
        JsonPath answer = sync(finca, List.of(
                op("weighing", Map.of("animalId", steer), Map.of("date", "2025-02-28", "weightKg", 420)),
                op("weighing", Map.of("earTag", "VM-1"), Map.of("date", "2025-03-02", "weightKg", 425))));
        assertEquals(List.of("refused", "refused"), answer.getList("results.outcome"));
        assertEquals("animal_sold", answer.getString("results[0].problem.code"));
        assertEquals(409, answer.getInt("results[0].status"));
        assertEquals("El animal ya no está en la finca", answer.getString("results[0].problem.title"), "farm-app answers are Spanish by default");
        assertEquals("depends_on_refused", answer.getString("results[1].problem.code"));
        finca.app().get(finca.path("/animals/" + steer)).then().body("weighings.size()", equalTo(0));
    }

    @Test
    void an_alert_acknowledged_offline_is_acknowledged_once_and_an_unknown_alert_is_refused() {
        FarmApi.Finca finca = FarmApi.finca("Alerta Sin Señal", "piloto");
        String alert = finca.deathAlert("AS-1", "Picadura");
        Map<String, Object> seen = op("alert_acknowledgement", Map.of(), Map.of("alertId", alert));
        Map<String, Object> seenOnAnotherPhone = op("alert_acknowledgement", Map.of(), Map.of("alertId", alert));
        Map<String, Object> unknown = op("alert_acknowledgement", Map.of(), Map.of("alertId", UUID.randomUUID().toString()));
        Map<String, Object> noAlert = op("alert_acknowledgement", Map.of(), Map.of());

        JsonPath answer = sync(finca, List.of(seen, unknown, noAlert));
        assertEquals(List.of("applied", "refused", "refused"), answer.getList("results.outcome"), answer.prettify());
        assertEquals(200, answer.getInt("results[0].status"));
        assertEquals(alert, answer.getString("results[0].result.id"));
        String acknowledgedAt = answer.getString("results[0].result.acknowledgedAt");
        assertEquals("alert_not_found", answer.getString("results[1].problem.code"));
        assertEquals("alertId", answer.getString("results[2].problem.field"));
        finca.app().queryParam("acknowledged", false).when().get(finca.path("/alerts")).then().body("", hasSize(0));

        // the same batch again, and the other phone's acknowledgement: the first one stands
        JsonPath again = sync(finca, List.of(seen, seenOnAnotherPhone));
        assertEquals(List.of("replayed", "applied"), again.getList("results.outcome"));
        assertEquals(acknowledgedAt, again.getString("results[1].result.acknowledgedAt"));
    }

    @Test
    void an_operation_recorded_in_the_future_is_refused_and_the_others_go_on() {
        FarmApi.Finca finca = FarmApi.finca("Reloj Adelantado", "piloto");
        Map<String, Object> future = new HashMap<>(register("RA-1"));
        future.put("recordedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        JsonPath answer = finca.app().header("Accept-Language", "en").body(Map.of("operations", List.of(future, register("RA-2"))))
                .when().post(finca.path("/sync")).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("refused", "applied"), answer.getList("results.outcome"));
        assertEquals("recorded_in_future", answer.getString("results[0].problem.code"));
        assertEquals("recordedAt", answer.getString("results[0].problem.field"));
        finca.app().get(finca.path("/animals")).then().body("earTag", equalTo(List.of("RA-2")));
    }

    @Test
    void an_operation_id_is_the_idempotency_key_of_its_route() {
        FarmApi.Finca finca = FarmApi.finca("Misma Llave", "piloto");
        String cow = finca.animal("ML-1", "hembra");
        Map<String, Object> weighing = op("weighing", Map.of("animalId", cow), Map.of("date", "2025-04-01", "weightKg", 333));
        finca.app().header("Idempotency-Key", weighing.get("id")).body(weighing.get("body"))
                .when().post(finca.path("/animals/" + cow + "/weighings")).then().statusCode(201);
        JsonPath answer = sync(finca, List.of(weighing));
        assertEquals("replayed", answer.getString("results[0].outcome"), answer.prettify());
        finca.app().get(finca.path("/animals/" + cow)).then().body("weighings.size()", equalTo(1));
    }

    @Test
    void a_malformed_batch_is_refused_whole_and_writes_nothing() {
        FarmApi.Finca finca = FarmApi.finca("Lote Malo", "piloto");
        Map<String, Object> one = register("LM-1");
        Map<String, Object> twin = new HashMap<>(register("LM-2"));
        twin.put("id", one.get("id"));
        Map<String, Object> undated = new HashMap<>(register("LM-3"));
        undated.remove("recordedAt");
        finca.app().body(Map.of("operations", List.of(one, twin, undated))).when().post(finca.path("/sync"))
                .then().statusCode(400).body("errors.field", equalTo(List.of("operations[2].recordedAt")));
        finca.app().body(Map.of("operations", List.of(one, twin))).when().post(finca.path("/sync"))
                .then().statusCode(400).body("errors.field", equalTo(List.of("operations[1].id")))
                .body("errors[0].code", equalTo("repeated_operation_id"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(register("LM-X" + i));
        }
        finca.app().body(Map.of("operations", tooMany)).when().post(finca.path("/sync"))
                .then().statusCode(413).body("code", equalTo("too_many_operations")).body("field", equalTo("operations"))
                .body("detail", containsString("500"));
        finca.app().get(finca.path("/animals")).then().body("size()", equalTo(0));
    }

    @Test
    void another_fincas_key_gets_404_on_sync_and_changes() {
        FarmApi.Finca mine = FarmApi.finca("Mía", "piloto");
        FarmApi.Finca other = FarmApi.finca("Ajena", "piloto");
        mine.app().body(Map.of("operations", List.of(register("AJ-1")))).when().post(other.path("/sync"))
                .then().statusCode(404).body("code", equalTo("finca_not_found"));
        mine.app().when().get(other.path("/changes")).then().statusCode(404).body("code", equalTo("finca_not_found"));
        other.app().get(other.path("/animals")).then().body("size()", equalTo(0));
    }

    private static String typeOf(String event) {
        return JsonPath.from(event).getString("type");
    }

    private Map<String, Long> counts(FarmApi.Finca finca) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("animals", "weighings", "treatments", "sales", "alertas", "finca_changes")) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE finca_id = ?")) {
                s.setObject(1, UUID.fromString(finca.id()));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
