package com.fincafacil.incident.service;

import com.fincafacil.incident.repository.IncidentEntity;

import java.time.Instant;
import java.util.List;

/** An incident, its timeline, and whether its post-mortem is written or overdue. */
public record IncidentDetail(IncidentEntity incident, List<TimelineItem> timeline, boolean postmortemWritten,
                             boolean postmortemOverdue) {

    /** {@code source}: {@code incident} for the incident's own entries, {@code release} for its release's events. */
    public record TimelineItem(Instant at, String source, String kind, String actor, String text) {
    }
}
