package com.fincafacil.incident.domain.dora;

/** DORA performance bands, best first, with the Spanish word the text summary uses. */
public enum Band {
    ELITE("élite"), HIGH("alta"), MEDIUM("media"), LOW("baja");

    private final String spanish;

    Band(String spanish) {
        this.spanish = spanish;
    }

    public String spanish() {
        return spanish;
    }
}
