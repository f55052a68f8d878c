package com.fincafacil.farm.service.csv;

import java.util.Objects;

/**
 * One problem in an import file.
 *
 * @param line    physical line in the file, the header being line 1
 * @param column  the column name as documented (e.g. peso_kg), or null for a whole-line or whole-file problem
 * @param code    the stable code of the problem (docs/farm-csv-import.md), e.g. unknown_column
 * @param message a sentence for the farmer, naming the column
 */
public record CsvError(int line, String column, String code, String message) {

    public CsvError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
