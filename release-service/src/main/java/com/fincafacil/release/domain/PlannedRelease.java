package com.fincafacil.release.domain;

import org.semver4j.Semver;

import java.util.List;
import java.util.Optional;

/**
 * A release as planned: a strict semantic version, its kind and its changes. Planning refuses a
 * version that is not semver and a change list that is empty.
 */
public record PlannedRelease(Semver version, ReleaseKind kind, List<String> changes) {

    public static Optional<Semver> parseVersion(String text) {
        return Optional.ofNullable(text).map(Semver::parse);
    }
}
