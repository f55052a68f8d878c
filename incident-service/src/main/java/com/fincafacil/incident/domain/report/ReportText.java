package com.fincafacil.incident.domain.report;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/** Renders a report in the seed's text format, line for line ({@code docs/incident-api.md}). */
public final class ReportText {

    static final String UNKNOWN = "sin datos";

    private ReportText() {
    }

    public static String render(DeploymentReport r, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("DESPLIEGUE: v").append(r.version()).append('\n');
        out.append("FECHA: ").append(SpanishText.dateTime(r.startedAt(), zone)).append('\n');
        out.append("DURACIÓN: ").append(r.duration() == null ? "en curso" : SpanishText.minutes(r.duration())).append('\n');
        out.append("ESTADO: ").append(r.status().label()).append('\n');
        section(out, "Cambios:", r.changes(), Function.identity(), "Ninguno");
        metrics(out, "Métricas Pre:", r.metricsBefore());
        metrics(out, "Métricas Post:", r.metricsAfter());
        section(out, "Issues durante deployment:", r.issues(), Function.identity(), "Ninguno");
        section(out, "Acciones post:", r.followUps(), ReportText::followUp, "Ninguna");
        out.append('\n').append("Aprobado por: ").append(r.approvedBy() == null ? "sin aprobación registrada" : r.approvedBy()).append('\n');
        return out.toString();
    }

    private static <T> void section(StringBuilder out, String title, List<T> items, Function<T, String> line, String none) {
        out.append('\n').append(title).append('\n');
        if (items.isEmpty()) {
            out.append("- ").append(none).append('\n');
        }
        items.forEach(i -> out.append("- ").append(line.apply(i)).append('\n'));
    }

    private static void metrics(StringBuilder out, String title, Metrics m) {
        out.append('\n').append(title).append('\n');
        out.append("- Error rate: ").append(m.errorRatePct() == null ? UNKNOWN : SpanishText.number(m.errorRatePct()) + "%").append('\n');
        out.append("- Response time: ").append(millis(m.p50Ms())).append('\n');
        out.append("- Response time p99: ").append(millis(m.p99Ms())).append('\n');
    }

    private static String millis(Double ms) {
        return ms == null ? UNKNOWN : SpanishText.number(ms) + "ms";
    }

    private static String followUp(FollowUp f) {
        if (f.owner() == null && f.due() == null) {
            return f.text();
        }
        StringBuilder s = new StringBuilder(f.text()).append(" (");
        if (f.owner() != null) {
            s.append("responsable: ").append(f.owner());
        }
        if (f.due() != null) {
            s.append(f.owner() != null ? ", " : "").append("para: ").append(SpanishText.date(f.due()));
        }
        return s.append(')').toString();
    }
}
