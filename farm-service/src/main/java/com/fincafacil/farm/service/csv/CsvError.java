package com.fincafacil.farm.service.csv;

import java.util.Map;
import java.util.Objects;

/**
 * One problem in an import file.
 *
 * @param line    physical line in the file, the header being line 1
 * @param column  the column name as documented (e.g. peso_kg), or null for a whole-line or whole-file problem
 * @param code    the stable code of the problem (docs/farm-csv-import.md), e.g. unknown_column
 * @param message a sentence for the farmer, naming the column (English; other languages from the bundles)
 * @param facts   the values the message names, e.g. the allowed values
 */
public record CsvError(int line, String column, String code, String message, Map<String, Object> facts) {

    public CsvError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /** Two errors are the same when they say the same; the facts only restate the message's values. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CsvError e && line == e.line && Objects.equals(column, e.column) && code.equals(e.code)
                && message.equals(e.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, column, code, message);
    }

    /** {@code facts}: name-value pairs the message names, for its words in other languages (messages/farm-service). */
    public CsvError(int line, String column, String code, String message, Object... facts) {
        this(line, column, code, message, com.fincafacil.commons.refusal.Refusal.facts(facts));
    }
}
