package com.fincafacil.flags.file;

/**
 * One problem in a flag file. {@code path} names the offending place with dots and indexes,
 * e.g. "FASES.FASE_9_OBSERVABILITY.porcentaje_rollout" or "FASES.X.niveles[1]";
 * "$" is the file as a whole.
 */
public record FileError(String path, String message) {

    public static final String ROOT = "$";
}
