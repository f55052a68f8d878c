package com.fincafacil.incident.domain.report;

import com.fincafacil.incident.domain.DeploymentStatus;
import com.fincafacil.incident.domain.ReleaseEvent;
import com.fincafacil.incident.domain.ReleaseStates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a deployment's report from all of its release's events. The events are sorted first, so
 * the report is the same whatever order they arrived in and however often.
 */
public final class ReportBuilder {

    private static final Set<String> BEFORE_START = Set.of("planned", "approved", "acknowledged");

    private ReportBuilder() {
    }

    /** True once a release has done more than being planned, approved or acknowledged: it is a deployment. */
    public static boolean isDeployment(List<ReleaseEvent> events) {
        return events.stream().anyMatch(e -> !BEFORE_START.contains(e.what()));
    }

    public static DeploymentReport build(List<ReleaseEvent> unordered, Map<String, Long> usualStepMillis,
                                         List<FollowUp> followUps, String defaultEnvironment, SlowStepRule slow) {
        List<ReleaseEvent> events = unordered.stream().sorted(ReleaseStates.CHRONOLOGICAL).toList();
        ReleaseEvent last = events.get(events.size() - 1);
        DeploymentStatus status = DeploymentStatus.ofState(last.state());
        Instant started = events.stream().filter(e -> e.what().equals("started")).map(ReleaseEvent::at).findFirst()
                .orElseGet(() -> events.stream().filter(e -> !BEFORE_START.contains(e.what())).map(ReleaseEvent::at)
                        .findFirst().orElse(events.get(0).at()));
        Instant finished = status.finished() ? finishedAt(events, status) : null;
        return new DeploymentReport(last.releaseId(), latest(events, ReleaseEvent::version), latest(events, ReleaseEvent::kind),
                Optional.ofNullable(latest(events, ReleaseEvent::environment)).orElse(defaultEnvironment), status, started, finished,
                finished == null ? null : Duration.between(started, finished),
                lastNonEmpty(events).stream().map(ReleaseEvent.Change::title).toList(),
                metrics(events, false), metrics(events, true), issues(events, usualStepMillis, slow), List.copyOf(followUps),
                latest(events, ReleaseEvent::approvedBy),
                events.stream().anyMatch(e -> ReleaseStates.afterSwitch(e.state())), stepMillis(events));
    }

    private static Instant finishedAt(List<ReleaseEvent> events, DeploymentStatus status) {
        String what = status.name().toLowerCase(java.util.Locale.ROOT);
        Instant at = null;
        for (ReleaseEvent e : events) {
            if (e.what().equals(what)) {
                at = e.at();
            }
        }
        return at != null ? at : events.get(events.size() - 1).at();
    }

    private static <T> T latest(List<ReleaseEvent> events, java.util.function.Function<ReleaseEvent, T> field) {
        T found = null;
        for (ReleaseEvent e : events) {
            T value = field.apply(e);
            if (value != null) {
                found = value;
            }
        }
        return found;
    }

    private static List<ReleaseEvent.Change> lastNonEmpty(List<ReleaseEvent> events) {
        List<ReleaseEvent.Change> changes = List.of();
        for (ReleaseEvent e : events) {
            if (!e.changes().isEmpty()) {
                changes = e.changes();
            }
        }
        return changes;
    }

    /** The last figures measured before traffic moved (pre) or after it (post); see docs/incident-api.md. */
    private static Metrics metrics(List<ReleaseEvent> events, boolean afterSwitch) {
        Metrics found = Metrics.UNKNOWN;
        for (ReleaseEvent e : events) {
            if (ReleaseStates.afterSwitch(e.state()) == afterSwitch) {
                Metrics m = metricsOf(e);
                if (m.known()) {
                    found = m;
                }
            }
        }
        return found;
    }

    /**
     * An event's figures: {@code metrics} {errorRatePct, p50Ms, p99Ms} (or those keys directly), else
     * what release-service's analysis measured ({@code measurement} on a rollback,
     * {@code measurements} on an inconclusive analysis): error rate and p99 only.
     */
    @SuppressWarnings("unchecked")
    private static Metrics metricsOf(ReleaseEvent e) {
        Map<String, Object> source = e.figures().get("metrics") instanceof Map<?, ?> m ? (Map<String, Object>) m : e.figures();
        Metrics direct = new Metrics(number(source.get("errorRatePct")), number(source.get("p50Ms")), number(source.get("p99Ms")));
        if (direct.known()) {
            return direct;
        }
        List<Object> measured = new ArrayList<>();
        if (e.figures().get("measurement") instanceof Map<?, ?> one) {
            measured.add(one);
        }
        if (e.figures().get("measurements") instanceof List<?> many) {
            measured.addAll(many);
        }
        Double errorRate = null;
        Double p99 = null;
        for (Object o : measured) {
            if (o instanceof Map<?, ?> m) {
                Object check = m.get("check");
                if ("error_rate".equals(check)) {
                    errorRate = number(m.get("value"));
                } else if ("latency_p99".equals(check)) {
                    p99 = number(m.get("value"));
                }
            }
        }
        return new Metrics(errorRate, null, p99);
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static List<String> issues(List<ReleaseEvent> events, Map<String, Long> usual, SlowStepRule slow) {
        Set<String> issues = new LinkedHashSet<>();
        for (ReleaseEvent e : events) {
            e.number("stepMs").flatMap(ms -> slow.judge(e.state(), ms.longValue(), usual.get(e.state()))).ifPresent(issues::add);
            if (e.figures().get("issues") instanceof List<?> reported) {
                reported.stream().filter(Objects::nonNull).map(Object::toString).forEach(issues::add);
            }
            failedGates(e).forEach(g -> issues.add("Gate fallido: " + g));
            switch (e.what()) {
                case "retried" -> issues.add("Paso reintentado: " + SpanishText.step(String.valueOf(e.figures().getOrDefault("step", e.state())))
                        + " (por " + e.actor() + ")");
                case "failed" -> issues.add("Falló el paso " + SpanishText.step(String.valueOf(e.figures().getOrDefault("failedStep", "?")))
                        + ": " + e.reason());
                case "rolling_back" -> issues.add("Rollback iniciado: " + e.reason());
                case "rolled_back" -> e.number("rollbackMs").ifPresent(ms ->
                        issues.add("Tráfico devuelto a la versión anterior en " + SpanishText.seconds(ms.longValue()) + " seg"));
                case "analysis_inconclusive" -> issues.add("Análisis no concluyente: " + e.reason());
                default -> { }
            }
        }
        return new ArrayList<>(issues);
    }

    private static List<String> failedGates(ReleaseEvent e) {
        if (e.figures().get("gates") instanceof Map<?, ?> gates) {
            return gates.entrySet().stream().filter(g -> "FAILED".equals(String.valueOf(g.getValue())))
                    .map(g -> String.valueOf(g.getKey())).sorted().toList();
        }
        return List.of();
    }

    private static Map<String, Long> stepMillis(List<ReleaseEvent> events) {
        Map<String, Long> steps = new LinkedHashMap<>();
        events.forEach(e -> e.number("stepMs").ifPresent(ms -> steps.put(e.state(), ms.longValue())));
        return steps;
    }
}
