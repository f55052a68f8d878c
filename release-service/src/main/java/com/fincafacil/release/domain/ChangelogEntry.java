package com.fincafacil.release.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A version's entry in a Keep a Changelog file ({@code ## [1.1.0] - 2026-12-06}): its bullet
 * items, each with its continuation lines joined, section headings ({@code ### Added}) left out.
 */
public final class ChangelogEntry {

    private static final Pattern BULLET = Pattern.compile("^\\s{0,1}[-*]\\s+(.*)$");

    private ChangelogEntry() {
    }

    /** The items of {@code version}'s entry; empty when the file has no entry for it. */
    public static Optional<List<String>> items(String changelog, String version) {
        Pattern heading = Pattern.compile("^##\\s+\\[?v?" + Pattern.quote(version) + "]?(\\s.*)?$");
        List<String> items = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        StringBuilder current = null;
        for (String line : changelog.split("\r?\n")) {
            if (line.startsWith("## ")) {
                if (inside) {
                    break;
                }
                inside = heading.matcher(line.trim()).matches();
                found |= inside;
                continue;
            }
            if (!inside || line.startsWith("#")) {
                continue;
            }
            var bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                current = flush(items, current);
                current = new StringBuilder(bullet.group(1).trim());
            } else if (current != null && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
                current.append(' ').append(line.trim());
            } else if (line.isBlank()) {
                current = flush(items, current);
            }
        }
        flush(items, current);
        return found ? Optional.of(List.copyOf(items)) : Optional.empty();
    }

    private static StringBuilder flush(List<String> items, StringBuilder current) {
        if (current != null && !current.isEmpty()) {
            items.add(current.toString());
        }
        return null;
    }
}
