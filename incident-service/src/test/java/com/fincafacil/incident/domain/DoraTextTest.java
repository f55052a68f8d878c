package com.fincafacil.incident.domain;

import com.fincafacil.incident.domain.dora.DeploymentFact;
import com.fincafacil.incident.domain.dora.DoraCalculator;
import com.fincafacil.incident.domain.dora.DoraReport;
import com.fincafacil.incident.domain.dora.DoraText;
import com.fincafacil.incident.domain.report.SpanishText;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The summary says "1 despliegue", and a metric without data says so instead of showing a zero. */
class DoraTextTest {

    private static final Instant TO = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void one_deployment_without_changes_or_incidents() {
        DeploymentFact one = new DeploymentFact(DeploymentStatus.COMPLETED, TO.minus(Duration.ofDays(2)), true, List.of(), null);
        DoraReport r = DoraCalculator.compute("produccion", TO.minus(Duration.ofDays(30)), TO, List.of(one), List.of());
        assertNull(r.leadTime().medianSeconds());
        assertNull(r.timeToRestore().band());
        List<String> lines = DoraText.render(r, SpanishText.BOGOTA).lines().toList();
        assertEquals("Frecuencia de despliegue: 1 despliegue (0.23/semana) · banda media · meta ≥ 1/semana: ❌", lines.get(2));
        assertEquals("Lead time de cambios: sin datos · meta < 1 semana: sin datos", lines.get(3));
        assertEquals("Tasa de fallos de cambio: 0% (0 de 1) · banda élite · meta < 5%: ✅", lines.get(4));
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        List<Duration> restores = List.of(Duration.ofMinutes(40), Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(90));
        DoraReport r = DoraCalculator.compute("produccion", TO.minus(Duration.ofDays(30)), TO, List.of(), restores);
        assertEquals(1800.0, r.timeToRestore().medianSeconds()); // (20 + 40) / 2 min
        assertEquals(4, r.timeToRestore().incidents());
    }
}
