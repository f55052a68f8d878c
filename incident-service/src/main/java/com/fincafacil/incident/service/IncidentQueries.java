package com.fincafacil.incident.service;

import com.fincafacil.incident.domain.PostmortemPolicy;
import com.fincafacil.incident.domain.ReleaseStates;
import com.fincafacil.incident.repository.IncidentEntity;
import com.fincafacil.incident.repository.IncidentRepository;
import com.fincafacil.incident.repository.PostmortemRepository;
import com.fincafacil.incident.repository.ReleaseEventRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Reads: an incident's detail and timeline, overdue post-mortems. */
@ApplicationScoped
public class IncidentQueries {

    private final IncidentService incidents;
    private final IncidentRepository repository;
    private final ReleaseEventRepository releaseEvents;
    private final PostmortemRepository postmortems;
    private final Clock clock;

    public IncidentQueries(IncidentService incidents, IncidentRepository repository, ReleaseEventRepository releaseEvents,
                           PostmortemRepository postmortems, Clock clock) {
        this.incidents = incidents;
        this.repository = repository;
        this.releaseEvents = releaseEvents;
        this.postmortems = postmortems;
        this.clock = clock;
    }

    public IncidentDetail detail(UUID id) {
        IncidentEntity incident = incidents.find(id);
        List<IncidentDetail.TimelineItem> timeline = new ArrayList<>();
        incidents.entries(id).forEach(e -> timeline.add(new IncidentDetail.TimelineItem(e.at.toInstant(), "incident", e.kind, e.actor, e.text)));
        if (incident.releaseId != null) {
            releaseEvents.ofRelease(incident.releaseId).stream().sorted(ReleaseStates.CHRONOLOGICAL).forEach(e -> timeline.add(
                    new IncidentDetail.TimelineItem(e.at(), "release", e.type(), e.actor(), e.reason())));
        }
        timeline.sort(Comparator.comparing(IncidentDetail.TimelineItem::at));
        boolean written = postmortems.findByIdOptional(id).isPresent();
        return new IncidentDetail(incident, timeline, written,
                PostmortemPolicy.overdue(incident.postmortemDue.toInstant(), written, clock.instant()));
    }

    public List<IncidentEntity> overdue() {
        return repository.postmortemOverdue(OffsetDateTime.now(clock));
    }
}
