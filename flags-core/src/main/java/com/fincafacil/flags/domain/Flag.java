package com.fincafacil.flags.domain;

/** Either kind of flag the file holds: a phase (module) flag or an alert-level flag. */
public sealed interface Flag permits PhaseFlag, AlertFlag {

    String key();

    boolean habilitado();
}
