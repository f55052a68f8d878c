package com.fincafacil.incident.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.commons.events.CloudEvent;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.incident.repository.IncidentEntity;
import com.fincafacil.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Incident facts on {@code fincafacil.incident.events} through the outbox, in the caller's
 * transaction (docs/incident-api.md, "Events"): {@code incident.opened}, {@code incident.acknowledged},
 * {@code incident.resolved}, {@code postmortem.overdue}; the subject (Kafka key) is the incident id.
 */
@ApplicationScoped
public class IncidentEvents {

    static final String SOURCE = "/fincafacil/incident-service";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public IncidentEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(IncidentEntity incident) {
        publish("incident.opened", incident);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledged(IncidentEntity incident) {
        publish("incident.acknowledged", incident);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(IncidentEntity incident) {
        publish("incident.resolved", incident);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void postmortemOverdue(IncidentEntity incident) {
        publish("postmortem.overdue", incident);
    }

    private void publish(String type, IncidentEntity i) {
        ObjectNode data = mapper.createObjectNode()
                .put("incidentId", i.id.toString())
                .put("title", i.title)
                .put("severity", i.severity.name())
                .put("status", i.status.name())
                .put("trigger", i.trigger.name())
                .put("releaseId", i.releaseId == null ? null : i.releaseId.toString())
                .put("releaseVersion", i.releaseVersion)
                .put("openedAt", i.openedAt.toInstant().toString())
                .put("openedBy", i.openedBy)
                .put("acknowledgedAt", i.acknowledgedAt == null ? null : i.acknowledgedAt.toInstant().toString())
                .put("acknowledgedBy", i.acknowledgedBy)
                .put("resolvedAt", i.resolvedAt == null ? null : i.resolvedAt.toInstant().toString())
                .put("resolvedBy", i.resolvedBy)
                .put("timeToRestoreSeconds", i.timeToRestore() == null ? null : i.timeToRestore().toSeconds())
                .put("postmortemDue", i.postmortemDue.toInstant().toString());
        outbox.append(Topics.INCIDENT_EVENTS, CloudEvent.of(SOURCE, type, i.id.toString(), data));
    }
}
