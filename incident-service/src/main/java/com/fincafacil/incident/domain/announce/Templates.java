package com.fincafacil.incident.domain.announce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Announcement texts in Spanish, with {@code {name}} placeholders. The defaults follow the seed's
 * checklist ("Anuncio en #status", "GO LIVE", "Notificar users"); operators may replace them.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> RELEASE = Set.of("version", "previousVersion", "actor", "reason");
    private static final Set<String> INCIDENT = Set.of("incidentId", "title", "severity", "version", "postmortemDue", "timeToRestoreMinutes");

    private static final Map<AnnouncementKind, String> DEFAULTS = Map.of(
            AnnouncementKind.RELEASE_STARTED, "🚀 Inicia el despliegue de FincaFácil v{version} (reemplaza v{previousVersion}). Responsable: {actor}.",
            AnnouncementKind.GO_LIVE, "✅ GO LIVE: FincaFácil v{version} ya atiende el tráfico.",
            AnnouncementKind.ROLLED_BACK, "⏪ Despliegue v{version} revertido: volvemos a v{previousVersion}. Motivo: {reason}.",
            AnnouncementKind.INCIDENT_OPENED, "🚨 Incidente {severity} abierto: {title} (versión {version}).",
            AnnouncementKind.INCIDENT_RESOLVED, "✅ Incidente {severity} resuelto: {title}. Tiempo de restauración: {timeToRestoreMinutes} min.",
            AnnouncementKind.POSTMORTEM_OVERDUE, "⏰ Post-mortem vencido: {title} ({severity}); debía estar listo el {postmortemDue}.");

    private Templates() {
    }

    public static String defaultFor(AnnouncementKind kind) {
        return DEFAULTS.get(kind);
    }

    /** The placeholders a template of this kind may use. */
    public static Set<String> allowed(AnnouncementKind kind) {
        return switch (kind) {
            case RELEASE_STARTED, GO_LIVE, ROLLED_BACK -> RELEASE;
            default -> INCIDENT;
        };
    }

    /** Placeholders the template uses that its kind does not offer (empty when the template is fine). */
    public static List<String> unknownPlaceholders(AnnouncementKind kind, String template) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!allowed(kind).contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** Fills the placeholders; one without a value reads "-". */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "-")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
