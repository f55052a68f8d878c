package com.fincafacil.release.domain;

import java.time.Instant;

/** One change a release ships: its title and when it was merged (lead time counts from there; null when unknown). */
public record Change(String title, Instant mergedAt) {
}
