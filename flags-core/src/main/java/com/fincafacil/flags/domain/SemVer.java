package com.fincafacil.flags.domain;

import org.semver4j.Semver;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A semantic version (MAJOR.MINOR.PATCH with optional pre-release and build), parsed strictly:
 * the one version type of every module (flags' minimum versions, release and incident versions,
 * the local platform's artifact labels), over semver4j.
 * Ordering is SemVer precedence (build metadata ignored); equality compares the exact version.
 */
public final class SemVer implements Comparable<SemVer> {

    /**
     * Farm apps send the same few versions on every flag evaluation, and semver4j formats a
     * string on each parse: valid versions are parsed once. Bounded, since clients choose the texts.
     */
    private static final int PARSED_LIMIT = 1024;
    private static final Map<String, SemVer> PARSED = new ConcurrentHashMap<>();

    private final Semver version;

    private SemVer(Semver version) {
        this.version = version;
    }

    /**
     * semver4j trims blanks and drops a leading "v"; we refuse those so that what is stored
     * is exactly what was written and exported back.
     */
    public static Optional<SemVer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        SemVer known = PARSED.get(text);
        if (known != null) {
            return Optional.of(known);
        }
        Semver parsed = Semver.parse(text);
        if (parsed == null || !parsed.getVersion().equals(text)) {
            return Optional.empty();
        }
        SemVer version = new SemVer(parsed);
        if (PARSED.size() < PARSED_LIMIT) {
            PARSED.put(text, version);
        }
        return Optional.of(version);
    }

    /** For literals known to be valid (tests, constants). */
    public static SemVer of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a semantic version: " + text));
    }

    public long major() {
        return version.getMajor();
    }

    public long minor() {
        return version.getMinor();
    }

    /** The next patch release: {@code 1.2.3-rc.1+b.7} → {@code 1.2.4}. */
    public SemVer nextPatch() {
        return new SemVer(version.withClearedPreReleaseAndBuild().nextPatch());
    }

    public boolean isAtLeast(SemVer other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(SemVer other) {
        return version.compareTo(other.version);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SemVer that && version.equals(that.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version);
    }

    @Override
    public String toString() {
        return version.getVersion();
    }
}
