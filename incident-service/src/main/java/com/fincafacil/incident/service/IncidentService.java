package com.fincafacil.incident.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.incident.config.IncidentConfig;
import com.fincafacil.incident.domain.AutomaticIncident;
import com.fincafacil.incident.domain.IncidentStatus;
import com.fincafacil.incident.domain.IncidentTrigger;
import com.fincafacil.incident.domain.PostmortemPolicy;
import com.fincafacil.incident.domain.ReleaseEvent;
import com.fincafacil.incident.domain.Severity;
import com.fincafacil.incident.domain.announce.AnnouncementKind;
import com.fincafacil.incident.domain.report.SpanishText;
import com.fincafacil.incident.messaging.IncidentEvents;
import com.fincafacil.incident.repository.IncidentEntity;
import com.fincafacil.incident.repository.IncidentEntryEntity;
import com.fincafacil.incident.repository.IncidentEntryRepository;
import com.fincafacil.incident.repository.IncidentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Incidents: opened by hand or by release events, acknowledged, resolved. */
@ApplicationScoped
public class IncidentService {

    static final String SELF = "incident-service";

    private final IncidentRepository incidents;
    private final IncidentEntryRepository entries;
    private final IncidentEvents events;
    private final Event<Notice> notices;
    private final IncidentConfig config;
    private final Clock clock;

    public IncidentService(IncidentRepository incidents, IncidentEntryRepository entries, IncidentEvents events,
                           Event<Notice> notices, IncidentConfig config, Clock clock) {
        this.incidents = incidents;
        this.entries = entries;
        this.events = events;
        this.notices = notices;
        this.config = config;
        this.clock = clock;
    }

    public PostmortemPolicy policy() {
        return new PostmortemPolicy(config.postmortemDue(), config.postmortemDueHotfix());
    }

    @Transactional
    public IncidentEntity open(String title, Severity severity, String releaseVersion, String openedBy) {
        IncidentEntity incident = create(title, severity, IncidentTrigger.MANUAL, null, releaseVersion, now(), openedBy);
        record(incident, "opened", openedBy, "Abierto a mano: " + title);
        return incident;
    }

    /** Opens the incident a release event calls for, once per release and trigger; the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<IncidentEntity> openFor(ReleaseEvent event) {
        Optional<AutomaticIncident> rule = AutomaticIncident.of(event);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        UUID releaseId = UUID.fromString(event.releaseId());
        Optional<IncidentEntity> existing = incidents.ofRelease(releaseId, rule.get().trigger());
        if (existing.isPresent()) {
            openedEarlier(existing.get(), event);
            return Optional.empty();
        }
        AutomaticIncident a = rule.get();
        IncidentEntity incident = create(a.title(), a.severity(), a.trigger(), releaseId, event.version(),
                OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC), SELF);
        record(incident, "opened", SELF, "Abierto por " + event.type() + (event.reason() == null ? "" : ": " + event.reason()));
        return Optional.of(incident);
    }

    /** Events may arrive out of order: the incident opened when the first of its events happened. */
    private void openedEarlier(IncidentEntity incident, ReleaseEvent event) {
        OffsetDateTime at = OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC);
        if (at.isBefore(incident.openedAt)) {
            entries.ofIncident(incident.id).stream().filter(e -> e.kind.equals("opened") && e.at.isEqual(incident.openedAt))
                    .forEach(e -> e.at = at);
            incident.openedAt = at;
            incident.postmortemDue = OffsetDateTime.ofInstant(policy().dueAt(incident.trigger, at.toInstant()), ZoneOffset.UTC);
        }
    }

    @Transactional
    public IncidentEntity acknowledge(UUID id, String actor) {
        IncidentEntity incident = find(id);
        if (incident.status != IncidentStatus.OPEN) {
            throw Refusal.conflict("status", "incident_not_open", "id", id, "status", incident.status);
        }
        incident.status = IncidentStatus.ACKNOWLEDGED;
        incident.acknowledgedAt = now();
        incident.acknowledgedBy = actor;
        entries.persist(IncidentEntryEntity.of(id, incident.acknowledgedAt, "acknowledged", actor, "Reconocido por " + actor));
        events.acknowledged(incident);
        return incident;
    }

    @Transactional
    public IncidentEntity resolve(UUID id, String actor, String resolution) {
        IncidentEntity incident = find(id);
        if (incident.status == IncidentStatus.RESOLVED) {
            throw Refusal.conflict("status", "incident_already_resolved", "id", id, "resolvedAt", incident.resolvedAt);
        }
        incident.status = IncidentStatus.RESOLVED;
        incident.resolvedAt = now();
        incident.resolvedBy = actor;
        incident.resolution = resolution;
        entries.persist(IncidentEntryEntity.of(id, incident.resolvedAt, "resolved", actor,
                "Resuelto por " + actor + (resolution == null ? "" : ": " + resolution)));
        events.resolved(incident);
        notices.fire(new Notice(AnnouncementKind.INCIDENT_RESOLVED, values(incident)));
        return incident;
    }

    public IncidentEntity find(UUID id) {
        return incidents.findByIdOptional(id).orElseThrow(() -> Refusals.incidentNotFound(id));
    }

    public List<IncidentEntity> list(IncidentStatus status, Severity severity) {
        return incidents.search(status, severity);
    }

    public List<IncidentEntryEntity> entries(UUID id) {
        return entries.ofIncident(id);
    }

    /** The values an announcement template may use for an incident ({@code docs/incident-api.md}). */
    public static Map<String, String> values(IncidentEntity i) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("incidentId", i.id.toString());
        v.put("title", i.title);
        v.put("severity", i.severity.name());
        v.put("version", i.releaseVersion == null ? "-" : i.releaseVersion);
        v.put("postmortemDue", SpanishText.dateTime(i.postmortemDue.toInstant(), SpanishText.BOGOTA));
        if (i.timeToRestore() != null) {
            v.put("timeToRestoreMinutes", Long.toString(i.timeToRestore().toMinutes()));
        }
        return v;
    }

    private IncidentEntity create(String title, Severity severity, IncidentTrigger trigger, UUID releaseId, String version,
                                  OffsetDateTime openedAt, String openedBy) {
        IncidentEntity incident = new IncidentEntity();
        incident.id = UUID.randomUUID();
        incident.title = title;
        incident.severity = severity;
        incident.trigger = trigger;
        incident.status = IncidentStatus.OPEN;
        incident.releaseId = releaseId;
        incident.releaseVersion = version;
        incident.openedAt = openedAt;
        incident.openedBy = openedBy;
        incident.postmortemDue = OffsetDateTime.ofInstant(policy().dueAt(trigger, openedAt.toInstant()), ZoneOffset.UTC);
        incidents.persist(incident);
        return incident;
    }

    private void record(IncidentEntity incident, String kind, String actor, String text) {
        entries.persist(IncidentEntryEntity.of(incident.id, incident.openedAt, kind, actor, text));
        events.opened(incident);
        notices.fire(new Notice(AnnouncementKind.INCIDENT_OPENED, values(incident)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
