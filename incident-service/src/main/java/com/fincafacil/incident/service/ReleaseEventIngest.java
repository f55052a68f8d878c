package com.fincafacil.incident.service;

import com.fincafacil.commons.events.Topics;
import com.fincafacil.incident.domain.ReleaseEvent;
import com.fincafacil.incident.domain.announce.AnnouncementKind;
import com.fincafacil.incident.repository.ProcessedEvents;
import com.fincafacil.incident.repository.ReleaseEventEntity;
import com.fincafacil.incident.repository.ReleaseEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Applies one release event: its id is claimed, the event kept, the deployment's report rebuilt,
 * an incident opened when the event calls for one, announcements queued — all in one transaction,
 * so an event is either wholly applied or not at all, and a redelivered one changes nothing.
 */
@ApplicationScoped
public class ReleaseEventIngest {

    private final ProcessedEvents processed;
    private final ReleaseEventRepository events;
    private final ReportService reports;
    private final IncidentService incidents;
    private final Event<Notice> notices;
    private final Clock clock;

    public ReleaseEventIngest(ProcessedEvents processed, ReleaseEventRepository events, ReportService reports,
                              IncidentService incidents, Event<Notice> notices, Clock clock) {
        this.processed = processed;
        this.events = events;
        this.reports = reports;
        this.incidents = incidents;
        this.notices = notices;
        this.clock = clock;
    }

    /** False when the event had been applied already. */
    @Transactional
    public boolean apply(ReleaseEvent event, Map<String, Object> data) {
        if (!processed.claim(event.eventId(), Topics.RELEASE_EVENTS, clock.instant())) {
            return false;
        }
        events.persist(ReleaseEventEntity.of(event, data));
        events.flush();
        reports.refresh(UUID.fromString(event.releaseId()));
        incidents.openFor(event);
        announce(event);
        return true;
    }

    private void announce(ReleaseEvent e) {
        AnnouncementKind kind = switch (e.what()) {
            case "started" -> AnnouncementKind.RELEASE_STARTED;
            case "switched" -> AnnouncementKind.GO_LIVE;
            case "rolled_back" -> AnnouncementKind.ROLLED_BACK;
            default -> null;
        };
        if (kind != null) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("version", e.version());
            values.put("previousVersion", e.previousVersion() == null ? "-" : e.previousVersion());
            values.put("actor", e.actor() == null ? "-" : e.actor());
            values.put("reason", e.reason() == null ? "-" : e.reason());
            notices.fire(new Notice(kind, values));
        }
    }
}
