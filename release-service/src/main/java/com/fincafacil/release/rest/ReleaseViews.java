package com.fincafacil.release.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fincafacil.release.domain.Change;
import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.repository.AcknowledgementEntity;
import com.fincafacil.release.repository.MeasurementEntity;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.repository.TransitionEntity;
import com.fincafacil.release.service.StartCheck;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of releases. */
final class ReleaseViews {

    private ReleaseViews() {
    }

    record Approval(String by, OffsetDateTime at) {
    }

    /** How a started release runs: who started it (and a hotfix's reason), its slots, backup and monitoring end. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Run(OffsetDateTime startedAt, String startedBy, String hotfixReason, String fromSlot, String toSlot,
               String backupPath, OffsetDateTime monitoringUntil, Restore restore) {
        static Run of(ReleaseEntity r) {
            return r.startedAt == null ? null
                    : new Run(r.startedAt, r.startedBy, r.hotfixReason, r.fromSlot, r.toSlot, r.backupPath, r.monitoringUntil,
                    r.restoredAt == null ? null : new Restore(r.restoredAt, r.restoredBy, r.restoreReport));
        }
    }

    /** A disaster restore of the release's backup: when, by whom, and its report. */
    record Restore(OffsetDateTime at, String by, Map<String, Object> report) {
    }

    record Step(ReleaseState from, ReleaseState to, OffsetDateTime at, String actor, String reason, Map<String, Object> figures) {
        static Step of(TransitionEntity t) {
            return new Step(t.from, t.to, t.at, t.actor, t.reason, t.figures == null ? Map.of() : t.figures);
        }
    }

    record MeasurementView(OffsetDateTime at, String check, String verdict, Double value, Double threshold, String detail) {
        static MeasurementView of(MeasurementEntity m) {
            return new MeasurementView(m.at, m.check, m.verdict, m.value, m.threshold, m.detail);
        }
    }

    record Acknowledgement(String item, String by, OffsetDateTime at, String note) {
        static Acknowledgement of(AcknowledgementEntity a) {
            return new Acknowledgement(a.item, a.acknowledgedBy, a.acknowledgedAt, a.note);
        }
    }

    /**
     * A release; {@code timeline}, {@code startCheck} and {@code acknowledgements} only when one
     * release is asked for. {@code gates}: each gate's last result, once the checks ran.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReleaseView(UUID id, String version, String kind, boolean drill, ReleaseState state,
                       // kept as stored ({title, mergedAt}, mergedAt null when unknown); described as the Change it is
                       @Schema(type = SchemaType.ARRAY, implementation = Change.class) List<Map<String, String>> changes,
                       String artifact, String previousVersion, Approval approval, OffsetDateTime createdAt,
                       String createdBy, Run run, String migrationKind, String targetSchemaVersion,
                       List<Map<String, String>> validationQueries, List<Map<String, Object>> gates,
                       List<Acknowledgement> acknowledgements, List<MeasurementView> measurements, List<Step> timeline,
                       StartCheck.Answer startCheck) {

        static ReleaseView of(ReleaseEntity r, List<TransitionEntity> timeline) {
            return of(r, timeline, null, null, null);
        }

        static ReleaseView of(ReleaseEntity r, List<TransitionEntity> timeline, StartCheck.Answer startCheck,
                              List<AcknowledgementEntity> acknowledgements, List<MeasurementEntity> measurements) {
            return new ReleaseView(r.id, r.version, r.kind, r.drill, r.state, r.changes, r.artifact, r.previousVersion,
                    r.approvedBy == null ? null : new Approval(r.approvedBy, r.approvedAt), r.createdAt, r.createdBy, Run.of(r),
                    r.migrationKind, r.targetSchemaVersion, r.validationQueries, r.gates,
                    acknowledgements == null ? null : acknowledgements.stream().map(Acknowledgement::of).toList(),
                    measurements == null ? null : measurements.stream().map(MeasurementView::of).toList(),
                    timeline == null ? null : timeline.stream().map(Step::of).toList(), startCheck);
        }
    }
}
