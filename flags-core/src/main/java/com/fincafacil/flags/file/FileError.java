package com.fincafacil.flags.file;

/**
 * One problem in a flag file. {@code path} names the offending place with dots and indexes,
 * e.g. "FASES.FASE_9_OBSERVABILITY.porcentaje_rollout" or "FASES.X.niveles[1]";
 * "$" is the file as a whole. {@code code} is stable for clients (docs/flags-api.md, "Flag file"),
 * e.g. {@code duplicate_key}, {@code unknown_level}.
 */
public record FileError(String path, String code, String message) {

    public static final String ROOT = "$";
}
