package com.fincafacil.incident.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.incident.domain.announce.AnnouncementKind;
import com.fincafacil.incident.messaging.IncidentEvents;
import com.fincafacil.incident.repository.IncidentEntity;
import com.fincafacil.incident.repository.IncidentEntryEntity;
import com.fincafacil.incident.repository.IncidentEntryRepository;
import com.fincafacil.incident.repository.IncidentRepository;
import com.fincafacil.incident.repository.PostmortemEntity;
import com.fincafacil.incident.repository.PostmortemRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Post-mortems: written (and rewritten) by operators; overdue ones announced once each. */
@ApplicationScoped
public class PostmortemService {

    /** One action item: what, who, by when. */
    public record ActionItem(String description, String owner, LocalDate due) {
    }

    /** One line of the post-mortem's timeline. */
    public record Moment(OffsetDateTime at, String text) {
    }

    public record Draft(String summary, String impact, List<Moment> timeline, String rootCause,
                        List<String> contributingFactors, List<ActionItem> actionItems) {
    }

    private final IncidentService incidents;
    private final IncidentRepository incidentRows;
    private final IncidentEntryRepository entries;
    private final PostmortemRepository postmortems;
    private final IncidentEvents events;
    private final Event<Notice> notices;
    private final Clock clock;

    public PostmortemService(IncidentService incidents, IncidentRepository incidentRows, IncidentEntryRepository entries,
                             PostmortemRepository postmortems, IncidentEvents events, Event<Notice> notices, Clock clock) {
        this.incidents = incidents;
        this.incidentRows = incidentRows;
        this.entries = entries;
        this.postmortems = postmortems;
        this.events = events;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    public PostmortemEntity write(UUID incidentId, Draft draft, String author) {
        incidents.find(incidentId);
        PostmortemEntity pm = postmortems.findByIdOptional(incidentId).orElseGet(PostmortemEntity::new);
        boolean isNew = pm.incidentId == null;
        pm.incidentId = incidentId;
        pm.summary = draft.summary();
        pm.impact = draft.impact();
        pm.timeline = draft.timeline().stream().map(m -> Map.of("at", m.at().toInstant().toString(), "text", m.text())).toList();
        pm.rootCause = draft.rootCause();
        pm.contributingFactors = List.copyOf(draft.contributingFactors());
        pm.actionItems = draft.actionItems().stream()
                .map(a -> Map.of("description", a.description(), "owner", a.owner(), "due", a.due().toString())).toList();
        pm.writtenBy = author;
        pm.writtenAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (isNew) {
            postmortems.persist(pm);
        }
        entries.persist(IncidentEntryEntity.of(incidentId, pm.writtenAt, isNew ? "postmortem_written" : "postmortem_revised", author,
                (isNew ? "Post-mortem escrito por " : "Post-mortem revisado por ") + author));
        return pm;
    }

    /** The incident's post-mortem; refused when the incident is unknown or has none yet. */
    public PostmortemEntity get(UUID incidentId) {
        incidents.find(incidentId);
        return postmortems.findByIdOptional(incidentId)
                .orElseThrow(() -> Refusal.notFound("postmortem_not_found", "id", incidentId));
    }

    @Scheduled(every = "${fincafacil.incident.announcements.interval:PT1S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scan() {
        announceOverdue();
    }

    /**
     * Publishes {@code postmortem.overdue} and queues its announcement for each post-mortem that
     * has become overdue, once: the claim on the row makes a second scanner find nothing to do.
     */
    public int announceOverdue() {
        List<UUID> overdue = QuarkusTransaction.requiringNew().call(() ->
                incidentRows.postmortemOverdue(OffsetDateTime.now(clock)).stream().filter(i -> i.overdueAnnouncedAt == null)
                        .map(i -> i.id).toList());
        int announced = 0;
        for (UUID id : overdue) {
            boolean claimed = QuarkusTransaction.requiringNew().call(() -> {
                int rows = incidentRows.update("overdueAnnouncedAt = ?1 where id = ?2 and overdueAnnouncedAt is null",
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), id);
                if (rows == 1) {
                    IncidentEntity incident = incidentRows.findById(id);
                    incidentRows.getEntityManager().refresh(incident);
                    events.postmortemOverdue(incident);
                    notices.fire(new Notice(AnnouncementKind.POSTMORTEM_OVERDUE, IncidentService.values(incident)));
                }
                return rows == 1;
            });
            announced += claimed ? 1 : 0;
        }
        return announced;
    }
}
