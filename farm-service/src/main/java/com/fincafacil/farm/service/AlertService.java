package com.fincafacil.farm.service;

import com.fincafacil.commons.health.BuildInfo;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.domain.alert.AlertCandidate;
import com.fincafacil.farm.messaging.FarmEvents;
import com.fincafacil.farm.repository.AlertEntity;
import com.fincafacil.farm.repository.AlertRepository;
import com.fincafacil.farm.repository.FincaEntity;
import com.fincafacil.farm.repository.PageOf;
import com.fincafacil.flags.client.FlagContext;
import com.fincafacil.flags.client.FlagsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Raises the alerts the rules propose, but only the types the finca's deployment level enables
 * (the ALERTAS flags), once per fact, in the write's transaction; lists and acknowledges them.
 */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final FlagsClient flags;
    private final FarmEvents events;
    private final BuildInfo build;

    public AlertService(AlertRepository alerts, FlagsClient flags, FarmEvents events, BuildInfo build) {
        this.alerts = alerts;
        this.flags = flags;
        this.events = events;
        this.build = build;
    }

    /** Persists the enabled, not yet raised candidates; {@code factKey} names the fact they are about. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AlertEntity> raise(FincaEntity finca, UUID animalId, String factKey, List<AlertCandidate> candidates) {
        List<AlertEntity> raised = new ArrayList<>();
        FlagContext context = new FlagContext(finca.id.toString(), finca.deploymentLevel, build.version());
        for (AlertCandidate candidate : candidates) {
            if (!flags.isAlertTypeEnabled(candidate.type().name(), context)) {
                continue;
            }
            String dedupeKey = animalId + ":" + candidate.code() + ":" + factKey;
            if (alerts.existsByDedupeKey(dedupeKey)) {
                continue;
            }
            AlertEntity alert = new AlertEntity();
            alert.id = UUID.randomUUID();
            alert.fincaId = finca.id;
            alert.animalId = animalId;
            alert.tipoAlerta = candidate.type().name();
            alert.code = candidate.code();
            alert.message = candidate.message();
            alert.confianzaIa = (float) candidate.confianzaIa();
            alert.dedupeKey = dedupeKey;
            alert.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            alerts.persist(alert);
            events.record("alert.raised", finca.id, view(alert));
            raised.add(alert);
        }
        return raised;
    }

    public PageOf<AlertEntity> list(UUID fincaId, Boolean acknowledged, int page, int size) {
        return alerts.ofFinca(fincaId, acknowledged, page, size);
    }

    @Transactional
    public AlertEntity acknowledge(UUID fincaId, UUID alertId, String by) {
        AlertEntity alert = alerts.inFinca(fincaId, alertId)
                .orElseThrow(() -> Refusal.notFound("alert_not_found", "alertId", alertId));
        if (alert.acknowledgedAt == null) {
            // as PostgreSQL keeps it (microseconds), so this answer and every later read agree
            alert.acknowledgedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            alert.acknowledgedBy = by;
            events.record("alert.acknowledged", fincaId, view(alert));
        }
        return alert;
    }

    static Map<String, Object> view(AlertEntity a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", a.id);
        view.put("animalId", a.animalId);
        view.put("tipo_alerta", a.tipoAlerta);
        view.put("code", a.code);
        view.put("message", a.message);
        view.put("confianza_ia", a.confianzaIa);
        view.put("createdAt", a.createdAt);
        view.put("acknowledgedAt", a.acknowledgedAt);
        return view;
    }
}
