package com.fincafacil.incident.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** A deployment's outcome, with the report's Spanish word (the seed's {@code ESTADO: ✅ EXITOSO}). */
public enum DeploymentStatus {
    IN_PROGRESS("⏳", "EN CURSO"),
    COMPLETED("✅", "EXITOSO"),
    FAILED("❌", "FALLIDO"),
    ROLLED_BACK("⏪", "REVERTIDO");

    private final String mark;
    private final String spanish;

    DeploymentStatus(String mark, String spanish) {
        this.mark = mark;
        this.spanish = spanish;
    }

    public String label() {
        return mark + " " + spanish;
    }

    public String spanish() {
        return spanish;
    }

    public boolean finished() {
        return this != IN_PROGRESS;
    }

    /** The status a release's state means; anything not final is still in progress. */
    public static DeploymentStatus ofState(String state) {
        if (state == null) {
            return IN_PROGRESS;
        }
        return switch (state) {
            case "COMPLETED" -> COMPLETED;
            case "FAILED" -> FAILED;
            case "ROLLED_BACK" -> ROLLED_BACK;
            default -> IN_PROGRESS;
        };
    }

    /** Every name {@link #parse} accepts, English first: "IN_PROGRESS, …, EN_CURSO, …". */
    public static List<String> names() {
        return Stream.concat(Arrays.stream(values()).map(Enum::name), Arrays.stream(values()).map(s -> s.spanish.replace(' ', '_')))
                .toList();
    }

    /** Accepts the English name or the report's Spanish word, any case ({@code rolled_back}, {@code REVERTIDO}). */
    public static Optional<DeploymentStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(t) || s.spanish.replace(' ', '_').equals(t)).findFirst();
    }
}
