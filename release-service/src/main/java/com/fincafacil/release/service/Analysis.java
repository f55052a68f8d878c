package com.fincafacil.release.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.flags.file.DeploymentFile;
import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.domain.analysis.Checks;
import com.fincafacil.release.domain.analysis.Measurement;
import com.fincafacil.release.domain.analysis.MetricSource;
import com.fincafacil.release.domain.analysis.TrafficSample;
import com.fincafacil.release.domain.deployment.DeploymentTarget;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.release.repository.MeasurementEntity;
import com.fincafacil.release.repository.MeasurementRepository;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.repository.TransitionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Watches a release in MONITORING: every interval one measurement per check (error rate and p99
 * of the new slot's requests through the entry, the new slot staying up, sales revenue against
 * the same time before the switch), each stored on the release. {@code failureLimit} FAILED in a
 * row of one check is a trigger to roll back. When the previous slot is not ready either, a
 * failure is not the new version's fault (a shared outage): INCONCLUSIVE, said once on the
 * timeline and as an event.
 */
@ApplicationScoped
public class Analysis {

    public static final String ACTOR = "analysis";

    /** What one monitoring run remembers between measurements; a restarted service begins a new one. */
    public static final class Session {
        private TrafficSample first = TrafficSample.EMPTY;
        private TrafficSample last = TrafficSample.EMPTY;
        private String process;
        private Instant switchedAt;
        private final Map<String, Integer> consecutive = new HashMap<>();
        private final Map<String, Instant> firstFailure = new HashMap<>();
        private boolean sharedFaultSaid;
    }

    /** A check failed {@code failures} times in a row, the first at {@code firstFailure}. */
    public record Trigger(Measurement last, int failures, Instant firstFailure) {
    }

    private final DeploymentTarget target;
    private final Optional<MetricSource> metrics;
    private final MeasurementRepository measurements;
    private final com.fincafacil.release.repository.ReleaseRepository releases;
    private final TransitionRepository transitions;
    private final Timeline timeline;
    private final ReleaseConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final FarmConnections connections;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public Analysis(DeploymentTarget target, MeasurementRepository measurements,
                    com.fincafacil.release.repository.ReleaseRepository releases, TransitionRepository transitions,
                    Timeline timeline, ReleaseConfig config, Clock clock, ObjectMapper json, FarmConnections connections) {
        this.target = target;
        this.connections = connections;
        this.metrics = metricSource(config.analysis());
        this.measurements = measurements;
        this.releases = releases;
        this.transitions = transitions;
        this.timeline = timeline;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** The Prometheus HTTP API when configured, else the direct scrape of the entry, else none (uptime and revenue only). */
    private static Optional<MetricSource> metricSource(ReleaseConfig.Analysis analysis) {
        ReleaseConfig.Prometheus p = analysis.prometheus();
        Optional<MetricSource> prometheus = p.url().filter(u -> !u.isBlank()).map(url -> new com.fincafacil.release.client.PrometheusApi(url,
                new com.fincafacil.release.client.PrometheusApi.Queries(p.requestsQuery(), p.serverErrorsQuery(), p.latencyBucketsQuery(), p.slotLabel())));
        return prometheus.or(() -> analysis.entryMetricsUrl().filter(u -> !u.isBlank()).map(com.fincafacil.release.client.EntryScrape::new));
    }

    /** When a fault injected into {@code slot}'s traffic began, where the target knows (the local entry). */
    public Optional<Instant> faultInjectedSince(String slot) {
        try {
            return target.faultInjectedSince(slot);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public Duration interval() {
        return config.analysis().interval();
    }

    /** The baseline: the new slot's counters and process now, and when traffic moved to it. */
    public Session begin(ReleaseEntity release) {
        Session session = new Session();
        session.switchedAt = QuarkusTransaction.requiringNew().call(() -> transitions.lastReached(release.id, ReleaseState.SWITCHED))
                .orElse(clock.instant());
        metrics.ifPresent(m -> session.last = safeTraffic(m).getOrDefault(release.toSlot, TrafficSample.EMPTY));
        session.first = session.last;
        session.process = slot(slots(), release.toSlot).map(this::process).orElse(null);
        return session;
    }

    /**
     * The deployment report's "before" figures: what farm apps saw of {@code slot} (the running
     * version) through the metric source so far; empty without one.
     */
    public Map<String, Object> observedSoFar(String slot) {
        return metrics.map(m -> safeTraffic(m).getOrDefault(slot, TrafficSample.EMPTY).summary()).orElse(Map.of());
    }

    /** The "after" figures: the new slot's traffic while this session watched it. */
    public Map<String, Object> observed(Session session) {
        return session.last.since(session.first).summary();
    }

    /** One measurement of every check, stored; a trigger when one check failed {@code failureLimit} times in a row. */
    public Optional<Trigger> measure(Session session, ReleaseEntity release) {
        Instant now = clock.instant();
        Checks.Thresholds t = thresholds();
        List<Measurement> taken = new ArrayList<>();
        metrics.ifPresent(m -> {
            TrafficSample current = safeTraffic(m).getOrDefault(release.toSlot, session.last);
            TrafficSample window = current.since(session.last);
            session.last = current;
            taken.add(Checks.errorRate(window, t, now));
            taken.add(Checks.latency(window, t, now));
        });
        List<SlotStatus> slots = slots();
        Optional<SlotStatus> fresh = slot(slots, release.toSlot);
        String process = fresh.map(this::process).orElse(null);
        boolean restarted = session.process != null && process != null && !process.equals(session.process);
        if (session.process == null) {
            session.process = process;
        }
        taken.add(Checks.uptime(fresh.map(SlotStatus::ready).orElse(false), restarted, process, now));
        taken.add(revenue(session.switchedAt, now, t));

        boolean previousReady = slot(slots, release.fromSlot).map(SlotStatus::ready).orElse(false);
        List<Measurement> judged = taken.stream().map(m -> m.failed() && !previousReady
                ? m.inconclusive("the previous slot " + release.fromSlot + " is not ready either: not the new version's fault ("
                + m.detail() + ")") : m).toList();
        boolean shared = !previousReady && taken.stream().anyMatch(Measurement::failed);
        QuarkusTransaction.requiringNew().run(() -> {
            judged.forEach(m -> measurements.persist(MeasurementEntity.of(release.id, m)));
            if (shared && !session.sharedFaultSaid) {
                timeline.note(releases.findById(release.id), "analysis_inconclusive", ACTOR, "checks fail on the previous slot " + release.fromSlot
                                + " too (a shared outage?): no rollback, it would not help",
                        Map.of("measurements", judged.stream().map(Measurement::toMap).toList()));
                session.sharedFaultSaid = true;
            }
        });
        Trigger trigger = null;
        for (Measurement m : judged) {
            if (m.failed()) {
                int n = session.consecutive.merge(m.check(), 1, Integer::sum);
                session.firstFailure.putIfAbsent(m.check(), m.at());
                if (n >= config.analysis().failureLimit() && trigger == null) {
                    trigger = new Trigger(m, n, session.firstFailure.get(m.check()));
                }
            } else {
                session.consecutive.remove(m.check());
                session.firstFailure.remove(m.check());
            }
        }
        return Optional.ofNullable(trigger);
    }

    private Checks.Thresholds thresholds() {
        DeploymentFile.RollbackThreshold seed = DeploymentFile.rollbackThreshold(Path.of(config.deploymentFile()));
        ReleaseConfig.Analysis a = config.analysis();
        return new Checks.Thresholds(seed.errorRatePct(), a.p99ThresholdMs(), seed.revenueDropPct(), a.minRequests(), a.minSales());
    }

    private Map<String, TrafficSample> safeTraffic(MetricSource source) {
        try {
            return source.traffic();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** Both slots as the target sees them now (one call per measurement); none when it does not answer. */
    private List<SlotStatus> slots() {
        try {
            return target.slots();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<SlotStatus> slot(List<SlotStatus> slots, String name) {
        return slots.stream().filter(s -> s.slot().equals(name)).findFirst();
    }

    /** Which process serves the slot ({@code pid@startedAt} from its liveness data), null when it does not answer. */
    private String process(SlotStatus slot) {
        try {
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(slot.url() + "/q/health/live"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : json.readTree(live.body()).path("checks")) {
                if (check.path("data").has("pid")) {
                    return check.path("data").path("pid").asText() + "@" + check.path("data").path("startedAt").asText();
                }
            }
            return null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    /** Sales revenue since the switch against the same length of time before it, from the farm database. */
    private Measurement revenue(Instant switchedAt, Instant now, Checks.Thresholds t) {
        Duration since = Duration.between(switchedAt, now);
        Duration least = config.analysis().revenueMinWindow();
        if (since.compareTo(least) < 0) {
            return new Measurement(Measurement.REVENUE, Measurement.Verdict.INCONCLUSIVE, null, t.revenueDropPct(),
                    since.toSeconds() + " s since the switch: revenue compares at least " + least.toSeconds() + " s", now);
        }
        try (Connection farm = connections.farm()) {
            double[] before = sales(farm, switchedAt.minus(since), switchedAt);
            double[] after = sales(farm, switchedAt, now);
            return Checks.revenue(before[1], (long) before[0], after[1], (long) after[0], t, now);
        } catch (SQLException e) {
            return new Measurement(Measurement.REVENUE, Measurement.Verdict.INCONCLUSIVE, null, t.revenueDropPct(),
                    "the farm database did not answer: " + e.getMessage(), now);
        }
    }

    private static double[] sales(Connection farm, Instant from, Instant to) throws SQLException {
        try (PreparedStatement s = farm.prepareStatement(
                "SELECT count(*), coalesce(sum(price_cop), 0) FROM sales WHERE created_at >= ? AND created_at < ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new double[] {rs.getLong(1), rs.getDouble(2)};
            }
        }
    }
}
