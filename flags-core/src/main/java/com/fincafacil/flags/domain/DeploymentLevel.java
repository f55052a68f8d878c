package com.fincafacil.flags.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How far along a finca is: piloto &lt; produccion_controlada &lt; produccion_abierta.
 * Declaration order is the order, so {@link #compareTo} compares levels.
 */
public enum DeploymentLevel {
    PILOTO("piloto"),
    PRODUCCION_CONTROLADA("produccion_controlada"),
    PRODUCCION_ABIERTA("produccion_abierta");

    private final String wireName;

    DeploymentLevel(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the flag file and over the API. */
    public String wireName() {
        return wireName;
    }

    public boolean isAtLeast(DeploymentLevel other) {
        return compareTo(other) >= 0;
    }

    /** Exact lowercase wire names only: the flag file is case sensitive, so "Piloto" is a typo to report. */
    public static Optional<DeploymentLevel> parse(String text) {
        return Arrays.stream(values()).filter(level -> level.wireName.equals(text)).findFirst();
    }

    /** "piloto, produccion_controlada, produccion_abierta", for error messages. */
    public static String allWireNames() {
        return Arrays.stream(values()).map(DeploymentLevel::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
