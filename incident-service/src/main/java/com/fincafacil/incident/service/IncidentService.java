package com.fincafacil.incident.service;

import com.fincafacil.incident.config.IncidentConfig;
import com.fincafacil.incident.repository.IncidentEntity;
import com.fincafacil.incident.domain.Severity;
import com.fincafacil.incident.repository.IncidentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentService {

    private final IncidentRepository incidents;
    private final IncidentConfig config;

    public IncidentService(IncidentRepository incidents, IncidentConfig config) {
        this.incidents = incidents;
        this.config = config;
    }

    @Transactional
    public IncidentEntity open(String title, Severity severity, String releaseVersion, String openedBy) {
        IncidentEntity incident = new IncidentEntity();
        incident.id = UUID.randomUUID();
        incident.title = title;
        incident.severity = severity;
        incident.releaseVersion = releaseVersion;
        incident.openedAt = OffsetDateTime.now(ZoneOffset.UTC);
        incident.openedBy = openedBy;
        incident.postmortemDue = incident.openedAt.plus(config.postmortemDue());
        incidents.persist(incident);
        return incident;
    }

    public List<IncidentEntity> list() {
        return incidents.newestFirst();
    }
}
