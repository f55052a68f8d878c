package com.fincafacil.flags.client;

import com.fincafacil.testing.OfrepStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.fincafacil.flags.client.FlagsClientTest.CONTROLADA;
import static com.fincafacil.flags.client.FlagsClientTest.PILOTO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Modo degradado": flags-service unreachable or misbehaving, and the way back. */
class DegradedModeTest {

    private final OfrepStandIn server = OfrepStandIn.start();
    private final MutableClock clock = new MutableClock();
    private final FlagsClient client = Clients.client(server.url(), clock);

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void with_flags_service_down_a_known_context_gets_its_last_known_answers() {
        Map<String, FlagAnswer> live = client.evaluateAll(CONTROLADA);
        Instant answeredAt = clock.instant();
        server.stop();
        clock.advance(Clients.MAX_AGE);

        Map<String, FlagAnswer> fallback = client.evaluateAll(CONTROLADA);

        assertEquals(live.keySet(), fallback.keySet());
        live.forEach((key, answer) -> assertEquals(answer.enabled(), fallback.get(key).enabled(), key));
        FlagAnswer fase9 = fallback.get("FASE_9_OBSERVABILITY");
        assertEquals(AnswerSource.LAST_KNOWN, fase9.source());
        assertEquals("DEFAULT", fase9.reason());
        assertEquals("default", fase9.rule());
        assertTrue(fase9.detail().startsWith("flags-service is unreachable; last known answer: Bucket "), fase9.detail());
        FlagsClientStatus status = client.status();
        assertTrue(status.degraded());
        assertEquals(answeredAt, status.lastSuccess());
        assertTrue(status.lastError().contains("unreachable"), status.lastError());
    }

    @Test
    void with_flags_service_down_a_new_context_gets_the_flag_file_defaults() {
        client.evaluateAll(PILOTO);
        server.stop();

        FlagAnswer answer = client.evaluate("FASE_8_DATA_QUALITY", new FlagContext("finca-777", "piloto", "1.0.0"));

        assertEquals(AnswerSource.FILE_DEFAULT, answer.source());
        assertTrue(answer.enabled());
        assertEquals("DEFAULT", answer.reason());
        assertTrue(client.status().degraded());
    }

    @Test
    void file_defaults_follow_the_seed_semantics() {
        FlagsClient offline = Clients.client(Clients.deadUrl(), clock);

        Map<String, FlagAnswer> piloto = offline.evaluateAll(new FlagContext("finca-001", "piloto", "1.0.0"));
        Map<String, FlagAnswer> oldApp = offline.evaluateAll(new FlagContext("finca-001", "piloto", "0.9.0"));
        Map<String, FlagAnswer> abierta = offline.evaluateAll(new FlagContext("finca-9", "produccion_abierta", "2.0.0"));

        assertTrue(piloto.values().stream().allMatch(answer -> answer.source() == AnswerSource.FILE_DEFAULT));
        assertTrue(piloto.get("FASE_8_DATA_QUALITY").enabled());
        assertFalse(oldApp.get("FASE_8_DATA_QUALITY").enabled(), "below version_minima 1.0.0");
        assertFalse(piloto.get("FASE_9_OBSERVABILITY").enabled(), "piloto is not in its niveles");
        assertFalse(piloto.get("FASE_37_BI_ANALYTICS").enabled());
        assertFalse(abierta.get("FASE_37_BI_ANALYTICS").enabled(), "habilitado=false for everyone");
        assertTrue(piloto.get("ALERTA_BAJA").enabled());
        assertFalse(piloto.get("ALERTA_MEDIA").enabled());
        assertTrue(abierta.get("ALERTA_MEDIA").enabled());
        assertTrue(piloto.get("ALERTA_CRITICA").enabled());
        assertFalse(offline.isAlertTypeEnabled("ALTA", new FlagContext("finca-001", "piloto", null)));
        assertTrue(offline.isAlertTypeEnabled("ALTA", new FlagContext("finca-9", "produccion_abierta", null)));
        assertEquals("flag_not_found", offline.evaluate("FASE_99_NOPE", PILOTO).rule());
        assertEquals(AnswerSource.FILE_DEFAULT, offline.evaluate("FASE_99_NOPE", PILOTO).source());
    }

    @Test
    void without_flags_service_or_a_readable_file_every_flag_is_off_with_reason_error() {
        FlagsClient lost = Clients.client(Clients.deadUrl(), Path.of("no/such/feature_flags.json"),
                Duration.ofMillis(800), clock, null);

        FlagAnswer answer = lost.evaluate("FASE_8_DATA_QUALITY", PILOTO);

        assertFalse(answer.enabled());
        assertEquals("ERROR", answer.reason());
        assertEquals("defaults_unavailable", answer.rule());
        assertTrue(answer.detail().contains("could not be read"), answer.detail());
        assertFalse(lost.isAlertTypeEnabled("CRITICA", PILOTO));
        assertTrue(lost.evaluateAll(PILOTO).isEmpty());
    }

    @Test
    void after_a_failure_flags_service_is_left_alone_until_retry_after_failure_has_passed() {
        client.evaluateAll(PILOTO);
        server.stop();
        clock.advance(Clients.MAX_AGE);
        client.evaluateAll(PILOTO);
        server.restart();
        int requestsWhileDown = server.requests();

        FlagAnswer tooSoon = client.evaluate("FASE_8_DATA_QUALITY", PILOTO);
        clock.advance(Clients.RETRY_AFTER);
        FlagAnswer back = client.evaluate("FASE_8_DATA_QUALITY", PILOTO);

        assertEquals(AnswerSource.LAST_KNOWN, tooSoon.source());
        assertEquals(AnswerSource.CACHED, back.source(), "revalidated: a 304 on the ETag held before the outage");
        assertEquals(requestsWhileDown + 1, server.requests());
        assertEquals(1, server.notModified());
        assertFalse(client.status().degraded());
        assertEquals(clock.instant(), client.status().lastSuccess());
    }

    @Test
    void a_new_context_is_answered_live_once_flags_service_is_back() {
        server.stop();
        FlagAnswer down = client.evaluate("FASE_8_DATA_QUALITY", PILOTO);
        server.restart();
        clock.advance(Clients.RETRY_AFTER);

        FlagAnswer up = client.evaluate("FASE_8_DATA_QUALITY", PILOTO);

        assertEquals(AnswerSource.FILE_DEFAULT, down.source());
        assertEquals(AnswerSource.LIVE, up.source());
        assertEquals("live", client.status().mode());
    }

    @Test
    void an_http_error_from_flags_service_counts_as_a_failure() {
        server.failWith(503);

        FlagAnswer answer = client.evaluate("FASE_8_DATA_QUALITY", PILOTO);

        assertEquals(AnswerSource.FILE_DEFAULT, answer.source());
        assertTrue(client.status().degraded());
        assertTrue(client.status().lastError().contains("HTTP 503"), client.status().lastError());
    }

    @Test
    void an_answer_that_is_not_ofrep_json_counts_as_a_failure() {
        server.answerWith("<html>gateway</html>");

        FlagAnswer answer = client.evaluate("FASE_8_DATA_QUALITY", PILOTO);

        assertEquals(AnswerSource.FILE_DEFAULT, answer.source());
        assertTrue(client.status().lastError().contains("not OFREP"), client.status().lastError());
    }

    @Test
    void a_slow_flags_service_is_given_up_on_after_the_timeout() {
        server.delay(2_000);
        FlagsClient impatient = Clients.client(server.url(), OfrepStandIn.SEED_FILE, Duration.ofMillis(200), clock, null);

        long started = System.nanoTime();
        FlagAnswer answer = impatient.evaluate("FASE_8_DATA_QUALITY", PILOTO);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(AnswerSource.FILE_DEFAULT, answer.source());
        assertTrue(tookMillis < 1_500, "took " + tookMillis + " ms");
        assertNotNull(impatient.status().lastError());
        assertTrue(impatient.status().lastError().contains("did not answer within 200 ms"), impatient.status().lastError());
    }
}
