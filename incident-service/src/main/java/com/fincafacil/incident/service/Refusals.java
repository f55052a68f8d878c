package com.fincafacil.incident.service;

import com.fincafacil.commons.refusal.Refusal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The refusals more than one place raises, so each code keeps one set of facts (words: messages/incident-service*.properties). */
public final class Refusals {

    private Refusals() {
    }

    public static Refusal incidentNotFound(Object id) {
        return Refusal.notFound("incident_not_found", "id", printable(id));
    }

    public static Refusal channelNotFound(Object id) {
        return Refusal.notFound("channel_not_found", "id", printable(id));
    }

    /** {@code field} names none of {@code allowed}. */
    public static Refusal unknownValue(String field, Collection<?> allowed) {
        // a set has no order of its own; the message lists its values the same way every time
        List<?> listed = allowed instanceof List<?> list ? List.copyOf(list) : allowed.stream().map(String::valueOf).sorted().toList();
        return Refusal.invalid(field, "unknown_value", "allowed", listed);
    }

    public static <E extends Enum<E>> Refusal unknownValue(String field, Class<E> type) {
        return unknownValue(field, Arrays.asList(type.getEnumConstants()));
    }

    /** Client text repeated in a message: a NUL would cut the message short in some clients' logs. */
    public static String printable(Object text) {
        return String.valueOf(text).replace('\0', ' ');
    }
}
