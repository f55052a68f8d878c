package com.fincafacil.farm.service.csv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where each known column sits in the file, and what is wrong with the header row. */
final class CsvHeader {

    private final Map<CsvColumn, Integer> indexByColumn = new EnumMap<>(CsvColumn.class);
    private final int size;
    private final List<CsvError> errors = new ArrayList<>();

    private CsvHeader(List<String> names) {
        size = names.size();
        for (int i = 0; i < names.size(); i++) {
            place(names.get(i).trim(), i);
        }
        for (CsvColumn column : CsvColumn.values()) {
            if (column.required() && !indexByColumn.containsKey(column)) {
                errors.add(new CsvError(1, column.headerName(), "column_missing", "The required column " + column.headerName()
                        + " is missing from the header.", "column", column.headerName()));
            }
        }
    }

    static CsvHeader of(List<String> names) {
        return new CsvHeader(names);
    }

    private void place(String name, int index) {
        if (name.isEmpty()) {
            errors.add(new CsvError(1, null, "column_unnamed", "Column " + (index + 1) + " of the header has no name.", "position", index + 1));
            return;
        }
        Optional<CsvColumn> column = CsvColumn.byHeader(name);
        if (column.isEmpty()) {
            errors.add(new CsvError(1, name, "unknown_column", "Unknown column " + name + "; the columns are " + knownNames() + ".",
                    "column", name, "known", knownNames()));
        } else if (indexByColumn.putIfAbsent(column.get(), index) != null) {
            errors.add(new CsvError(1, column.get().headerName(), "column_repeated",
                    "The column " + column.get().headerName() + " appears twice in the header.",
                    "column", column.get().headerName()));
        }
    }

    /** The column's index, or -1 when the file does not have it. */
    int indexOf(CsvColumn column) {
        return indexByColumn.getOrDefault(column, -1);
    }

    int size() {
        return size;
    }

    List<CsvError> errors() {
        return errors;
    }

    private static String knownNames() {
        List<String> names = new ArrayList<>();
        for (CsvColumn column : CsvColumn.values()) {
            names.add(column.headerName());
        }
        return String.join(", ", names);
    }
}
