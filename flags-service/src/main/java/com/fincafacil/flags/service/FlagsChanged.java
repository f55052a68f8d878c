package com.fincafacil.flags.service;

/** CDI event fired inside a transaction that changed flags; the snapshot reloads after commit. */
public record FlagsChanged(String flagKey) {
}
