package com.fincafacil.farm.service.csv;

import com.fincafacil.farm.domain.EarTag;

import java.util.List;
import java.util.Set;

/**
 * The outcome of reading an import file: either every row is valid ({@code rows}, no errors) or
 * nothing may be imported ({@code errors}, every one found, in line order; no rows).
 *
 * @param sha256          hex SHA-256 of the file's bytes, to recognise a re-upload
 * @param dataRows        non-blank rows after the header
 * @param damsOutsideFile dams named by rows but not defined in the file: the caller must find them
 *                        among the finca's animals (and check they are hembra)
 */
public record CsvParseResult(String sha256, int dataRows, List<AnimalRow> rows, List<CsvError> errors,
                             Set<EarTag> damsOutsideFile) {

    public CsvParseResult {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        damsOutsideFile = Set.copyOf(damsOutsideFile);
        if (!errors.isEmpty() && !rows.isEmpty()) {
            throw new IllegalArgumentException("a result has either rows or errors");
        }
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
