package com.fincafacil.incident.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of an incident's own timeline: opened, acknowledged, resolved, a note. */
@Entity
@Table(name = "incident_entries")
public class IncidentEntryEntity {

    @Id
    public UUID id;
    @Column(name = "incident_id")
    public UUID incidentId;
    public OffsetDateTime at;
    public String kind;
    public String actor;
    public String text;

    public static IncidentEntryEntity of(UUID incidentId, OffsetDateTime at, String kind, String actor, String text) {
        IncidentEntryEntity e = new IncidentEntryEntity();
        e.id = UUID.randomUUID();
        e.incidentId = incidentId;
        e.at = at;
        e.kind = kind;
        e.actor = actor;
        e.text = text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
        return e;
    }
}
