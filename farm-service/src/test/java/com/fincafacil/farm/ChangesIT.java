package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second phone catching up on its finca (GET …/changes). */
@QuarkusTest
class ChangesIT {

    @Inject
    DataSource dataSource;

    @Inject
    com.fincafacil.farm.service.ChangeFeedCompaction compaction;

    @Test
    void a_second_phone_catches_up_page_by_page_and_then_sees_only_what_is_new() {
        FarmApi.Finca finca = FarmApi.finca("Dos Teléfonos", "piloto");
        JsonPath synced = SyncIT.sync(finca, List.of(SyncIT.register("DT-1"), SyncIT.register("DT-2"), SyncIT.register("DT-3"),
                SyncIT.op("weighing", Map.of("earTag", "DT-1"), Map.of("date", "2025-05-01", "weightKg", 280)),
                SyncIT.op("death", Map.of("earTag", "DT-3"), Map.of("date", "2025-05-02", "cause", "Rayo"))));
        assertEquals(5, synced.getInt("applied"), synced.prettify());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            var request = finca.app().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            JsonPath page = request.when().get(finca.path("/changes")).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> changes = page.getList("changes");
            assertTrue(changes.size() <= 2, "at most limit changes a page");
            for (Map<String, Object> c : changes) {
                Object earTag = ((Map<?, ?>) c.get("data")).get("earTag");
                seen.add(c.get("entity") + ":" + (earTag != null ? earTag : c.get("animalId")));
            }
            cursor = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
            pages++;
            assertTrue(pages < 20, "the feed ends");
        }
        assertTrue(pages >= 3, "the changes came over several pages: " + pages);
        String dt1 = synced.getString("results[0].result.id");
        String dt3 = synced.getString("results[2].result.id");
        assertTrue(seen.containsAll(List.of("animal:DT-1", "animal:DT-2", "animal:DT-3", "weighing:" + dt1, "death:" + dt3,
                "alert:" + dt3)), "every animal, event and alert arrived: " + seen);

        // the last cursor: nothing new, then exactly what another phone wrote since
        finca.app().queryParam("since", cursor).get(finca.path("/changes")).then().statusCode(200)
                .body("changes.size()", equalTo(0)).body("hasMore", equalTo(false)).body("nextCursor", equalTo(cursor));
        finca.app().body(Map.of("date", "2025-06-01", "weightKg", 290)).post(finca.path("/animals/" + dt1 + "/weighings"))
                .then().statusCode(201);
        JsonPath fresh = finca.app().queryParam("since", cursor).get(finca.path("/changes")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("weighing", "animal"), fresh.getList("changes.entity"), "the weighing and the animal's new weight");
        assertEquals(290.0f, fresh.getFloat("changes[1].data.weightKg"));
        assertEquals(dt1, fresh.getString("changes[0].animalId"));
    }

    @Test
    void a_change_committed_late_is_not_skipped_by_a_reader_that_saw_a_later_one() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Llegó Tarde", "piloto");
        UUID fincaId = UUID.fromString(finca.id());
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement s = slow.prepareStatement("INSERT INTO animals (id, finca_id, ear_tag, species, sex, status,"
                    + " created_at, updated_at) VALUES (gen_random_uuid(), ?, 'LT-1', 'bovino', 'hembra', 'activo', now(), now())")) {
                s.setObject(1, fincaId);
                s.executeUpdate();
            }
            // a later transaction commits first, its change numbered after the slow one's
            finca.animal("LT-2", "macho");
            JsonPath meanwhile = finca.app().get(finca.path("/changes")).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(), meanwhile.getList("changes"), "nothing after a transaction still running is served");
            String cursor = meanwhile.getString("nextCursor");
            slow.commit();
            List<Object> tags = List.of();
            for (int i = 0; i < 50 && tags.size() < 2; i++) {
                tags = finca.app().queryParam("since", cursor).get(finca.path("/changes")).then().statusCode(200)
                        .extract().jsonPath().getList("changes.data.earTag");
                Thread.sleep(100);
            }
            assertEquals(List.of("LT-1", "LT-2"), tags, "the reader's cursor did not move past the late change");
        }
    }

    private long changesOf(String entity, String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM finca_changes WHERE entity = ? AND entity_id = ?")) {
            s.setString(1, entity);
            s.setObject(2, UUID.fromString(id));
            var rows = s.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void weigh(FarmApi.Finca finca, String animalId, String date, int kg) {
        finca.app().body(Map.of("date", date, "weightKg", kg)).post(finca.path("/animals/" + animalId + "/weighings"))
                .then().statusCode(201);
    }

    @Test
    void compaction_keeps_one_change_per_animal_and_never_the_one_a_running_transaction_holds_back() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Compacta", "piloto");
        String id = finca.animal("CP-1", "hembra");
        weigh(finca, id, "2025-07-01", 200);
        weigh(finca, id, "2025-07-02", 210);
        weigh(finca, id, "2025-07-03", 220);
        assertEquals(4, changesOf("animal", id), "registered, then updated by each weighing");
        assertTrue(compaction.compact() >= 3);
        assertEquals(1, changesOf("animal", id), "only the latest change of the animal is kept");
        JsonPath all = finca.app().get(finca.path("/changes")).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("weighing", "weighing", "weighing", "animal"), all.getList("changes.entity"),
                "a phone starting from scratch still gets every weighing and the animal");
        assertEquals(220.0f, all.getFloat("changes[3].data.weightKg"), "in its current state");

        try (Connection running = dataSource.getConnection()) {
            running.setAutoCommit(false);
            running.createStatement().execute("SELECT pg_current_xact_id()");
            // committed, but numbered after a transaction still running: the feed cannot serve it yet
            weigh(finca, id, "2025-07-04", 230);
            compaction.compact();
            assertEquals(2, changesOf("animal", id), "the change the feed can serve stays until the new one can be");
            JsonPath meanwhile = finca.app().get(finca.path("/changes")).then().statusCode(200).extract().jsonPath();
            assertTrue(meanwhile.getList("changes.entity").contains("animal"), "the animal never drops out of the feed: "
                    + meanwhile.getList("changes.entity"));
            running.rollback();
        }
        compaction.compact();
        assertEquals(1, changesOf("animal", id));
    }

    @Test
    void a_broken_cursor_or_another_fincas_is_400_naming_since() {
        FarmApi.Finca finca = FarmApi.finca("Cursor Propio", "piloto");
        FarmApi.Finca other = FarmApi.finca("Cursor Ajeno", "piloto");
        String othersCursor = other.app().get(other.path("/changes")).then().statusCode(200).extract().path("nextCursor");
        finca.app().queryParam("since", othersCursor).get(finca.path("/changes")).then().statusCode(400)
                .body("code", equalTo("invalid_cursor")).body("field", equalTo("since"))
                .body("detail", containsString("otra finca"));
        for (String broken : List.of("abc", "not base64 at all!", "YzE6eDp5Onp6")) {
            finca.app().queryParam("since", broken).get(finca.path("/changes")).then().statusCode(400)
                    .body("code", equalTo("invalid_cursor")).body("field", equalTo("since"));
        }
        finca.app().queryParam("limit", 501).get(finca.path("/changes")).then().statusCode(400).body("field", equalTo("limit"));
    }
}
