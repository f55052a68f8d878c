package com.fincafacil.commons.events;

/** The platform's Kafka topics (design.md, "Kafka topics and events"). */
public final class Topics {

    public static final String FARM_EVENTS = "fincafacil.farm.events";
    public static final String FLAG_CHANGES = "fincafacil.flags.changes";
    public static final String RELEASE_EVENTS = "fincafacil.release.events";
    public static final String INCIDENT_EVENTS = "fincafacil.incident.events";

    private Topics() {
    }
}
