package com.fincafacil.farm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.farm.messaging.FarmEvents;
import com.fincafacil.farm.repository.AnimalEntity;
import com.fincafacil.farm.repository.AnimalWriter;
import com.fincafacil.testing.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registrations that arrive together are written together, and each still gets its own answer. */
@QuarkusTest
class RegistrationGroupIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    AnimalWriter writer;
    @Inject
    FarmEvents events;
    @Inject
    DataSource dataSource;

    @Test
    void a_burst_of_registrations_gives_each_animal_one_row_and_one_event_and_duplicates_409() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Rafaga", "piloto");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String earTag = i < 36 ? "BURST-" + i : "BURST-" + (i - 36); // the last four repeat earlier tags
            calls.add(() -> finca.app().body(Map.of("earTag", earTag, "sex", "hembra", "weightKg", 250))
                    .when().post(finca.path("/animals")).statusCode());
        }
        List<Integer> statuses = runTogether(calls);

        assertEquals(36, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
        assertEquals(4, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        assertEquals(36, count("SELECT count(*) FROM animals WHERE finca_id = ?", UUID.fromString(finca.id())));
        java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> registered =
                r -> finca.id().equals(r.key()) && r.value().contains("animal.registered");
        KafkaProbe.awaitRecords(Topics.FARM_EVENTS, registered, 36, Duration.ofSeconds(30));
        // then look a while longer for a 37th: a refused duplicate must have left no event
        var records = KafkaProbe.awaitRecords(Topics.FARM_EVENTS, registered, 37, Duration.ofSeconds(3));
        assertEquals(36, records.size(), "one event per registered animal, none for the refused duplicates");
        var earTags = records.stream().map(r -> earTagOf(r.value())).distinct().toList();
        assertEquals(36, earTags.size(), "each animal's event once: " + earTags);
        assertTrue(earTags.stream().allMatch(t -> t.startsWith("BURST-")), "events name their animals: " + earTags);
    }

    @Test
    void a_row_the_database_refuses_fails_alone_and_its_group_is_written() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Grupo Mixto", "piloto");
        UUID fincaId = UUID.fromString(finca.id());
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            // every sixth names a dam that does not exist: only the foreign key can refuse it
            UUID dam = i % 6 == 5 ? UUID.randomUUID() : null;
            String earTag = "MIX-" + i;
            calls.add(() -> writer.insert(newAnimal(fincaId, earTag, dam)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Boolean>> results = pool.invokeAll(calls);
            for (int i = 0; i < results.size(); i++) {
                Future<Boolean> result = results.get(i);
                if (i % 6 == 5) {
                    assertThrows(Exception.class, result::get, "row " + i + " names a missing dam");
                } else {
                    assertTrue(result.get(), "row " + i + " was written");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, count("SELECT count(*) FROM animals WHERE finca_id = ?", fincaId));
        assertFalse(writer.insert(newAnimal(fincaId, "MIX-0", null)), "a taken ear tag is refused, not written");
        assertEquals(20, count("SELECT count(*) FROM animals WHERE finca_id = ?", fincaId));
    }

    @Test
    void inside_a_transaction_the_insert_joins_it_and_rolls_back_with_it() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Transaccion", "piloto");
        UUID fincaId = UUID.fromString(finca.id());
        var failure = assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(writer.insert(newAnimal(fincaId, "TX-1", null)));
            throw new IllegalStateException("the caller fails after the insert");
        }));
        assertEquals("the caller fails after the insert", failure.getMessage());
        assertEquals(0, count("SELECT count(*) FROM animals WHERE finca_id = ?", fincaId), "rolled back with the caller");
        finca.animal("TX-1", "hembra"); // the ear tag is free again
    }

    private AnimalWriter.NewAnimal newAnimal(UUID fincaId, String earTag, UUID damId) {
        AnimalEntity a = new AnimalEntity();
        a.id = UUID.randomUUID();
        a.fincaId = fincaId;
        a.earTag = earTag;
        a.species = "bovino";
        a.sex = "hembra";
        a.status = "activo";
        a.damId = damId;
        a.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.updatedAt = a.createdAt;
        return new AnimalWriter.NewAnimal(a, events.row("animal.registered", fincaId, Map.of("earTag", earTag)));
    }

    private static String earTagOf(String event) {
        try {
            return MAPPER.readTree(event).at("/data/earTag").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + event, e);
        }
    }

    private static <T> List<T> runTogether(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql, UUID fincaId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, fincaId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
