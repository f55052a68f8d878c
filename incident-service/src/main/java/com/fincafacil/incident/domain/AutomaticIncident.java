package com.fincafacil.incident.domain;

import java.util.Optional;

/**
 * Which release events open an incident, with which severity and title (Spanish: operators read
 * it). A shared outage hurts every farm app (SEV1); a rollback or a failure after traffic moved
 * was seen by users (SEV2); a failure before the switch was not (SEV3); a hotfix means a critical
 * bug reached production (SEV2).
 */
public record AutomaticIncident(IncidentTrigger trigger, Severity severity, String title) {

    public static Optional<AutomaticIncident> of(ReleaseEvent e) {
        String v = "v" + e.version();
        return switch (e.what()) {
            case "rolling_back", "rolled_back" -> Optional.of(new AutomaticIncident(IncidentTrigger.ROLLBACK, Severity.SEV2,
                    "Despliegue " + v + " revertido"));
            case "failed" -> {
                boolean usersSawIt = Boolean.TRUE.equals(e.figures().get("trafficMoved"));
                yield Optional.of(new AutomaticIncident(IncidentTrigger.FAILED_RELEASE, usersSawIt ? Severity.SEV2 : Severity.SEV3,
                        "Despliegue " + v + " fallido" + (usersSawIt ? " con tráfico en la versión nueva" : " antes del cambio de tráfico")));
            }
            case "analysis_inconclusive" -> Optional.of(new AutomaticIncident(IncidentTrigger.SHARED_OUTAGE, Severity.SEV1,
                    "Falla compartida durante " + v + ": no es culpa de la versión nueva"));
            case "completed" -> e.isHotfix()
                    ? Optional.of(new AutomaticIncident(IncidentTrigger.HOTFIX, Severity.SEV2, "Hotfix " + v + " desplegado"))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }
}
