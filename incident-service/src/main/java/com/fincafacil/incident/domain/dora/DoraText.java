package com.fincafacil.incident.domain.dora;

import com.fincafacil.incident.domain.report.SpanishText;

import java.time.Duration;
import java.time.ZoneId;

/** The one-screen Spanish summary of a DORA report. */
public final class DoraText {

    private DoraText() {
    }

    public static String render(DoraReport r, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("MÉTRICAS DORA: ").append(r.environment()).append(", últimos ").append(r.days()).append(" días (")
                .append(SpanishText.date(r.from().atZone(zone).toLocalDate())).append(" – ")
                .append(SpanishText.date(r.to().atZone(zone).toLocalDate())).append(")\n\n");
        DoraReport.Frequency f = r.deploymentFrequency();
        line(out, "Frecuencia de despliegue", count(f.deployments(), "despliegue", "despliegues") + " (" + SpanishText.number(f.perWeek()) + "/semana)",
                f.band(), f.target());
        DoraReport.LeadTime l = r.leadTime();
        line(out, "Lead time de cambios", l.medianSeconds() == null ? "sin datos" : "mediana " + duration(l.medianSeconds()) + " (" + count(l.changes(), "cambio", "cambios") + ")",
                l.band(), l.target());
        DoraReport.FailureRate c = r.changeFailureRate();
        line(out, "Tasa de fallos de cambio", c.percent() == null ? "sin datos"
                : SpanishText.number(c.percent()) + "% (" + c.failures() + " de " + c.deployments() + ")", c.band(), c.target());
        DoraReport.Restore t = r.timeToRestore();
        line(out, "Tiempo de restauración (MTTR)", t.medianSeconds() == null ? "sin datos"
                : "mediana " + duration(t.medianSeconds()) + " (" + count(t.incidents(), "incidente", "incidentes") + ")", t.band(), t.target());
        DoraReport.Rollback b = r.rollbackTime();
        line(out, "Tiempo de rollback", b.medianSeconds() == null ? "sin datos" : "mediana " + duration(b.medianSeconds()) + ", máximo "
                + duration(b.maxSeconds()) + " (" + count(b.rollbacks(), "rollback", "rollbacks") + ")", null, b.target());
        out.append("\nBandas: ").append(r.bandsSource()).append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value, Band band, DoraReport.Target target) {
        out.append(name).append(": ").append(value);
        if (band != null) {
            out.append(" · banda ").append(band.spanish());
        }
        out.append(" · meta ").append(target.text()).append(": ")
                .append(target.met() == null ? "sin datos" : target.met() ? "✅" : "❌").append('\n');
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** {@code 1.4 s}, {@code 12 min}, {@code 3 h 5 min}, {@code 2 d 4 h}. */
    static String duration(Double seconds) {
        Duration d = DoraReport.duration(seconds);
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            return SpanishText.number(d.toMillis() / 1000.0) + " s";
        }
        if (d.compareTo(Duration.ofHours(1)) < 0) {
            return d.toMinutes() + " min";
        }
        if (d.compareTo(Duration.ofDays(1)) < 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toDays() + " d " + d.toHoursPart() + " h";
    }
}
