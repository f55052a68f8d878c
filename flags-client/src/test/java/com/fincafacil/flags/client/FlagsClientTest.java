package com.fincafacil.flags.client;

import com.fincafacil.testing.OfrepStandIn;
import com.fincafacil.flags.domain.AlertFlag;
import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.FlagSet;
import com.fincafacil.flags.domain.PhaseFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against a live stand-in for flags-service: answers, cache, ETag revalidation, alert types. */
class FlagsClientTest {

    static final FlagContext PILOTO = new FlagContext("finca-001", "piloto", "1.0.0");
    static final FlagContext CONTROLADA = new FlagContext("finca-002", "produccion_controlada", "1.2.0");

    private final OfrepStandIn server = OfrepStandIn.start();
    private final MutableClock clock = new MutableClock();
    private final FlagsClient client = Clients.client(server.url(), clock);

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void live_answers_come_from_flags_service_in_its_order() {
        Map<String, FlagAnswer> answers = client.evaluateAll(PILOTO);

        assertEquals(List.of("FASE_8_DATA_QUALITY", "FASE_9_OBSERVABILITY", "FASE_37_BI_ANALYTICS",
                "ALERTA_BAJA", "ALERTA_MEDIA", "ALERTA_CRITICA"), List.copyOf(answers.keySet()));
        assertEquals(new FlagAnswer("FASE_8_DATA_QUALITY", true, "TARGETING_MATCH", "all_conditions",
                "Every condition holds and the rollout is at 100 %.", AnswerSource.LIVE), answers.get("FASE_8_DATA_QUALITY"));
        assertEquals("niveles", answers.get("FASE_9_OBSERVABILITY").rule());
        assertFalse(answers.get("FASE_9_OBSERVABILITY").enabled());
        assertEquals("DISABLED", answers.get("FASE_37_BI_ANALYTICS").reason());
        assertEquals(1, server.requests());
        assertEquals(new FlagsClientStatus("live", clock.instant(), null, 1), client.status());
    }

    @Test
    void cached_answers_make_no_second_request_within_max_age() {
        client.evaluateAll(PILOTO);
        clock.advance(Clients.MAX_AGE.minusMillis(1));

        FlagAnswer again = client.evaluate("FASE_8_DATA_QUALITY", PILOTO);
        boolean alert = client.isAlertTypeEnabled("BAJA", PILOTO);

        assertEquals(1, server.requests());
        assertEquals(AnswerSource.CACHED, again.source());
        assertTrue(again.enabled());
        assertTrue(alert);
    }

    @Test
    void an_answer_older_than_max_age_is_revalidated_with_its_etag() {
        client.evaluateAll(PILOTO);
        clock.advance(Clients.MAX_AGE);

        FlagAnswer answer = client.evaluate("FASE_8_DATA_QUALITY", PILOTO);

        assertEquals(2, server.requests());
        assertEquals(1, server.notModified());
        assertEquals(AnswerSource.CACHED, answer.source());
    }

    @Test
    void each_context_is_cached_on_its_own() {
        client.evaluateAll(PILOTO);
        client.evaluateAll(new FlagContext("finca-001", "piloto", "1.1.0"));
        client.evaluateAll(CONTROLADA);

        assertEquals(3, server.requests());
        assertNull(server.lastIfNoneMatch());
        assertEquals(3, client.status().cachedContexts());
    }

    @Test
    void after_invalidate_all_the_client_revalidates_and_gets_a_304_with_the_same_answers() {
        Map<String, FlagAnswer> before = client.evaluateAll(PILOTO);

        client.invalidateAll();
        Map<String, FlagAnswer> after = client.evaluateAll(PILOTO);

        assertEquals(2, server.requests());
        assertEquals(1, server.notModified());
        assertTrue(after.values().stream().allMatch(answer -> answer.source() == AnswerSource.CACHED));
        before.forEach((key, answer) -> assertEquals(answer.withSource(AnswerSource.CACHED), after.get(key)));
    }

    @Test
    void a_changed_flag_is_seen_on_the_first_call_after_invalidation() {
        client.evaluateAll(PILOTO);
        FlagSet seed = OfrepStandIn.seedFlags();
        List<PhaseFlag> phases = new ArrayList<>(seed.fases().values());
        phases.add(new PhaseFlag("FASE_40_NEW", true, List.of(DeploymentLevel.PILOTO), 100, null, null));
        server.replaceFlags(FlagSet.of(phases, seed.alertas().values()));

        FlagAnswer stillCached = client.evaluate("FASE_40_NEW", PILOTO);
        client.invalidateAll();
        FlagAnswer fresh = client.evaluate("FASE_40_NEW", PILOTO);

        assertEquals("ERROR", stillCached.reason());
        assertEquals(new FlagAnswer("FASE_40_NEW", true, "TARGETING_MATCH", "all_conditions",
                "Every condition holds and the rollout is at 100 %.", AnswerSource.LIVE), fresh);
        assertEquals(0, server.notModified());
    }

    @Test
    void an_unknown_flag_is_off_with_reason_error_and_rule_flag_not_found() {
        FlagAnswer answer = client.evaluate("FASE_99_NOPE", PILOTO);

        assertEquals(new FlagAnswer("FASE_99_NOPE", false, "ERROR", "flag_not_found", "No flag named FASE_99_NOPE.",
                AnswerSource.LIVE), answer);
    }

    @Test
    void alta_alerts_follow_the_media_flag_because_the_seed_has_no_alerta_alta() {
        assertFalse(client.isAlertTypeEnabled("ALTA", PILOTO), "ALERTA_MEDIA starts at produccion_controlada");
        assertTrue(client.isAlertTypeEnabled("ALTA", CONTROLADA));
        assertTrue(client.isAlertTypeEnabled("CRITICA", PILOTO));
        assertTrue(client.isAlertTypeEnabled("baja", PILOTO));
        assertFalse(client.isAlertTypeEnabled("URGENTE", PILOTO), "an unknown type with no flag of its own");
        assertFalse(client.isAlertTypeEnabled(null, PILOTO));
    }

    @Test
    void alta_alerts_fall_back_to_baja_when_media_is_missing_too() {
        FlagSet seed = OfrepStandIn.seedFlags();
        server.replaceFlags(FlagSet.of(seed.fases().values(), List.of(
                new AlertFlag("ALERTA_BAJA", true, DeploymentLevel.PILOTO),
                new AlertFlag("ALERTA_CRITICA", false, DeploymentLevel.PILOTO))));

        assertTrue(client.isAlertTypeEnabled("ALTA", PILOTO));
        assertTrue(client.isAlertTypeEnabled("MEDIA", PILOTO));
        assertFalse(client.isAlertTypeEnabled("CRITICA", PILOTO), "CRITICA has its own flag, switched off");
    }

    @Test
    void a_context_flags_service_would_refuse_is_answered_error_without_asking() {
        List<FlagContext> invalid = List.of(new FlagContext("finca-001", "Piloto", null),
                new FlagContext("finca-001", "piloto", "v1.0"), new FlagContext(" ", "piloto", null),
                new FlagContext("finca-001", null, null));

        for (FlagContext context : invalid) {
            FlagAnswer answer = client.evaluate("FASE_8_DATA_QUALITY", context);
            assertFalse(answer.enabled(), context.toString());
            assertEquals("ERROR", answer.reason(), context.toString());
            assertEquals("invalid_context", answer.rule(), context.toString());
            assertTrue(client.evaluateAll(context).values().stream().noneMatch(FlagAnswer::enabled));
            assertFalse(client.isAlertTypeEnabled("BAJA", context));
        }
        assertEquals("ERROR", client.evaluate("FASE_8_DATA_QUALITY", null).reason());
        assertEquals(6, client.evaluateAll(null).size(), "every flag of the file, each answered ERROR");
        assertEquals(0, server.requests());
        assertFalse(client.status().degraded());
    }

    @Test
    void many_threads_missing_the_same_context_make_one_request() throws Exception {
        server.delay(300);
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<FlagAnswer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return client.evaluate("FASE_8_DATA_QUALITY", PILOTO);
            }));
        }
        go.countDown();
        for (Future<FlagAnswer> answer : answers) {
            assertTrue(answer.get(5, java.util.concurrent.TimeUnit.SECONDS).enabled());
        }
        pool.shutdown();

        assertEquals(1, server.requests());
    }
}
