package com.fincafacil.incident.domain;

import com.fincafacil.incident.domain.report.DeploymentReport;
import com.fincafacil.incident.domain.report.ReportBuilder;
import com.fincafacil.incident.domain.report.ReportText;
import com.fincafacil.incident.domain.report.SlowStepRule;
import com.fincafacil.incident.domain.report.SpanishText;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report depends on a release's events, not on the order they arrived in. */
class ReportBuilderTest {

    private static final Instant T = Instant.parse("2026-12-06T07:00:00Z");
    private static final SlowStepRule RULE = new SlowStepRule(2.0, 5_000);
    private int ids;

    @Test
    void any_arrival_order_gives_the_same_report() {
        List<ReleaseEvent> events = rolledBack();
        String inOrder = ReportText.render(ReportBuilder.build(events, Map.of(), List.of(), "produccion", RULE), SpanishText.BOGOTA);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<ReleaseEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertEquals(inOrder, ReportText.render(ReportBuilder.build(shuffled, Map.of(), List.of(), "produccion", RULE), SpanishText.BOGOTA));
        }
    }

    @Test
    void a_rollback_reports_its_trigger_its_time_and_what_the_analysis_measured() {
        DeploymentReport r = ReportBuilder.build(rolledBack(), Map.of(), List.of(), "produccion", RULE);
        assertEquals(DeploymentStatus.ROLLED_BACK, r.status());
        assertEquals(Duration.ofSeconds(125), r.duration());
        assertEquals(7.5, r.metricsAfter().errorRatePct());
        assertNull(r.metricsAfter().p50Ms());
        assertTrue(r.reachedProduction());
        assertEquals(List.of("Rollback iniciado: automatic rollback: error_rate failed 2 times in a row",
                "Tráfico devuelto a la versión anterior en 1.4 seg"), r.issues());
    }

    @Test
    void a_step_is_slow_only_at_twice_its_usual_time_and_five_seconds_more() {
        assertTrue(RULE.judge("MIGRATED", 60_000, 30_000L).isPresent());
        assertFalse(RULE.judge("MIGRATED", 59_999, 30_000L).isPresent());
        assertFalse(RULE.judge("DEPLOYED", 4_000, 1_000L).isPresent(), "3 s more is not worth a line");
        assertFalse(RULE.judge("DEPLOYED", 90_000, null).isPresent(), "no usual time, no judgement");
    }

    private List<ReleaseEvent> rolledBack() {
        return List.of(
                event("release.started", "PLANNED", 0, Map.of()),
                event("release.switched", "SWITCHED", 60, Map.of()),
                event("release.monitoring", "MONITORING", 61, Map.of()),
                event("release.rolling_back", "ROLLING_BACK", 120, Map.of("trigger", "error_rate",
                        "measurement", Map.of("check", "error_rate", "verdict", "FAILED", "value", 7.5, "threshold", 5.0))),
                event("release.rolled_back", "ROLLED_BACK", 125, Map.of("rollbackMs", 1400)));
    }

    private ReleaseEvent event(String type, String state, int second, Map<String, Object> figures) {
        String reason = type.equals("release.rolling_back") ? "automatic rollback: error_rate failed 2 times in a row" : "step done";
        return new ReleaseEvent("e" + (ids++), type, "7f000000-0000-0000-0000-000000000001", "1.2.0", "minor", state, null,
                T.plusSeconds(second), "release-service", reason, figures, "1.1.0", "planner", null, null, List.of());
    }
}
