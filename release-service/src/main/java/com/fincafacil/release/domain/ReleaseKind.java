package com.fincafacil.release.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a release changes; a hotfix is a patch allowed outside the deployment window. */
public enum ReleaseKind {
    MAJOR, MINOR, PATCH, HOTFIX;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReleaseKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(text)).findFirst();
    }
}
