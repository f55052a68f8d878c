package com.fincafacil.farm.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** An animal's ear tag (arete), e.g. "CO-000123" or "A17": stored trimmed and upper-cased. */
public record EarTag(String value) {

    public static final String FIELD = "earTag";
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");

    public EarTag {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw invalid();
        }
    }

    public static EarTag of(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(FIELD, "is required");
        }
        return new EarTag(text.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * The key under which two tags are probably the same physical tag typed two ways: without '-'
     * and without the leading zeros of each number, so "CO-0012" and "CO12" share "CO12" (and
     * "AB-01-002" is "AB12": each number between dashes is read on its own).
     */
    public String duplicateKey() {
        StringBuilder key = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (!isDigit(c)) {
                if (c != '-') {
                    key.append(c);
                }
                i++;
                continue;
            }
            int end = i;
            while (end < value.length() && isDigit(value.charAt(end))) {
                end++;
            }
            while (i < end - 1 && value.charAt(i) == '0') {
                i++; // an all-zero number keeps one 0
            }
            key.append(value, i, end);
            i = end;
        }
        return key.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException(FIELD, "invalid_ear_tag",
                "must be 2 to 20 characters of A-Z, 0-9 and '-', starting with a letter or digit (e.g. CO-000123)");
    }

    @Override
    public String toString() {
        return value;
    }
}
