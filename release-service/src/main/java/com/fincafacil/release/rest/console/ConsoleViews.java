package com.fincafacil.release.rest.console;

import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.release.repository.AcknowledgementEntity;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.repository.TransitionEntity;
import io.quarkus.qute.TemplateData;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the console's templates show, already formatted (times in Bogotá, where the window is). */
final class ConsoleViews {

    static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Set<ReleaseState> FINAL = Set.of(ReleaseState.COMPLETED, ReleaseState.ROLLED_BACK, ReleaseState.FAILED);
    static final Set<ReleaseState> BEFORE_SWITCH = Set.of(ReleaseState.CHECKED, ReleaseState.BACKED_UP, ReleaseState.MIGRATED,
            ReleaseState.DEPLOYED, ReleaseState.VERIFIED);

    private ConsoleViews() {
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(BOGOTA));
    }

    static String time(OffsetDateTime at) {
        return at == null ? "" : time(at.toInstant());
    }

    /** 3 d 4 h, 5 h 2 min, 7 min 3 s. */
    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 86_400) {
            return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
        }
        if (s >= 3600) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 60 + " min " + s % 60 + " s";
    }

    @TemplateData
    record Slot(String name, String version, boolean active, boolean ready, String state, String uptime) {
        static Slot of(SlotStatus s, Instant now) {
            return new Slot(s.slot(), s.version(), s.active(), s.ready(), s.state(),
                    s.startedAt() == null || s.version() == null ? "" : duration(Duration.between(s.startedAt(), now)));
        }
    }

    @TemplateData
    record ServiceHealth(String name, boolean ready, String detail) {
    }

    @TemplateData
    record Row(String id, String version, String kind, String state, String created, String createdBy, String started) {
        static Row of(ReleaseEntity r) {
            return new Row(r.id.toString(), r.version, r.kind, r.state.name(), time(r.createdAt), r.createdBy, time(r.startedAt));
        }
    }

    @TemplateData
    record Step(String to, String at, String actor, String reason) {
        static Step of(TransitionEntity t) {
            return new Step(t.to.name(), time(t.at), t.actor, t.reason);
        }
    }

    @TemplateData
    record GateView(String name, String status, String detail, boolean human, boolean acknowledged) {
    }

    @TemplateData
    record Ack(String item, String by, String at, String note) {
        static Ack of(AcknowledgementEntity a) {
            return new Ack(a.item, a.acknowledgedBy, time(a.acknowledgedAt), a.note);
        }
    }

    /** The verbs this release's state allows, shown only to a role that may use them. */
    @TemplateData
    record Verbs(boolean start, boolean approve, boolean abort, boolean promote, boolean rollback, boolean retry) {
        static Verbs of(ReleaseEntity r) {
            boolean planned = r.state == ReleaseState.PLANNED && r.startedAt == null;
            return new Verbs(planned, planned && r.approvedBy == null, BEFORE_SWITCH.contains(r.state) || (r.state == ReleaseState.PLANNED && r.startedAt != null),
                    r.state == ReleaseState.MONITORING,
                    r.state == ReleaseState.SWITCHED || r.state == ReleaseState.MONITORING || r.state == ReleaseState.COMPLETED,
                    r.state == ReleaseState.FAILED);
        }

        public boolean any() {
            return start || approve || abort || promote || rollback || retry;
        }
    }

    @TemplateData
    record ReleaseScreen(String id, String version, String kind, String state, boolean running, String previousVersion,
                         String createdBy, String created, String startedBy, String started, String hotfixReason,
                         String fromSlot, String toSlot, String approvedBy, String migrationKind, String monitoringUntil,
                         List<Map<String, String>> changes, List<Step> timeline, List<GateView> gates, List<Ack> acks,
                         List<String> missingAcks, List<Charts.Chart> charts, Verbs verbs, String rollbackTime,
                         List<String> steps, int reachedStep) {
    }
}
