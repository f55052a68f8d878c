package com.fincafacil.incident.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One release event as incident-service understands it ({@code docs/release-events.md}): what the
 * release is, the state reached, when, by whom, why, and the figures measured then.
 */
public record ReleaseEvent(String eventId, String type, String releaseId, String version, String kind,
                           String state, String previousState, Instant at, String actor, String reason,
                           Map<String, Object> figures, String previousVersion, String plannedBy,
                           String approvedBy, String environment, List<Change> changes) {

    /** A change of the release plan; lead time counts from {@code mergedAt} (null when unknown). */
    public record Change(String title, Instant mergedAt) {
    }

    public ReleaseEvent {
        figures = figures == null ? Map.of() : figures;
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** What happened, without the {@code release.} prefix ({@code switched}, {@code retried}, …). */
    public String what() {
        return type.startsWith("release.") ? type.substring("release.".length()) : type;
    }

    public boolean isHotfix() {
        return "hotfix".equalsIgnoreCase(kind);
    }

    public Optional<Object> figure(String name) {
        return Optional.ofNullable(figures.get(name));
    }

    public Optional<Double> number(String name) {
        return figure(name).flatMap(ReleaseEvent::asNumber);
    }

    /**
     * The event from a CloudEvent's envelope and its {@code data} as plain maps and lists (the
     * documented shape); a field the release-service does not send is null.
     */
    @SuppressWarnings("unchecked")
    public static ReleaseEvent fromData(String eventId, String type, Map<String, Object> data) {
        Map<String, Object> approval = data.get("approval") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
        List<Change> changes = data.get("changes") instanceof List<?> list ? list.stream()
                .filter(Map.class::isInstance).map(c -> (Map<String, Object>) c)
                .map(c -> new Change(text(c.get("title")), instant(c.get("mergedAt")))).toList() : List.of();
        Map<String, Object> figures = data.get("figures") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
        Instant at = instant(data.get("at"));
        if (at == null) {
            throw new IllegalArgumentException("event " + eventId + " has no 'at'");
        }
        return new ReleaseEvent(eventId, type, text(data.get("releaseId")), text(data.get("version")), text(data.get("kind")),
                text(data.get("state")), text(data.get("previousState")), at, text(data.get("actor")), text(data.get("reason")),
                figures, text(data.get("previousVersion")), text(data.get("plannedBy")), text(approval.get("by")),
                text(data.get("environment")), changes);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        return value == null ? null : java.time.OffsetDateTime.parse(value.toString()).toInstant();
    }

    static Optional<Double> asNumber(Object value) {
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
