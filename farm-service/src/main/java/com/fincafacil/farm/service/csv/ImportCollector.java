package com.fincafacil.farm.service.csv;

import com.fincafacil.farm.domain.DateRules;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Sex;
import org.apache.commons.csv.CSVRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers rows and errors while a file streams by, then checks what needs the whole file: repeated
 * aretes (reported on the later line) and dams, which may be defined on any row, before or after.
 * Hash maps keep a 100,000-row file linear.
 */
final class ImportCollector {

    private record DamReference(int line, EarTag dam, LocalDate calfBorn) {
    }

    private final List<AnimalRow> rows = new ArrayList<>();
    private final List<CsvError> errors = new ArrayList<>();
    private final Map<EarTag, Integer> lineByEarTag = new HashMap<>();
    private final Map<EarTag, Sex> sexByEarTag = new HashMap<>();
    private final Map<EarTag, LocalDate> birthByEarTag = new HashMap<>();
    private final List<DamReference> damReferences = new ArrayList<>();
    private AnimalRowReader reader;
    private int currentLine = 1;
    private int dataRows;

    void header(CsvHeader header, AnimalRowReader rowReader) {
        errors.addAll(header.errors());
        reader = rowReader;
    }

    void atLine(int line) {
        currentLine = line;
    }

    int currentLine() {
        return currentLine;
    }

    void fileError(int line, String code, String message, Object... facts) {
        errors.add(new CsvError(line, null, code, message, facts));
    }

    void row(CSVRecord record) {
        if (AnimalRowReader.isBlank(record)) {
            return;
        }
        dataRows++;
        AnimalRowReader.ReadRow read = reader.read(record, currentLine, errors);
        if (read.earTag() != null) {
            Integer firstLine = lineByEarTag.putIfAbsent(read.earTag(), currentLine);
            if (firstLine != null) {
                errors.add(new CsvError(currentLine, CsvColumn.ARETE.headerName(), "ear_tag_repeated",
                        "arete " + read.earTag() + " already appears on line " + firstLine + ".",
                        "earTag", read.earTag(), "firstLine", firstLine));
            } else {
                if (read.sex() != null) {
                    sexByEarTag.put(read.earTag(), read.sex());
                }
                if (read.birthDate() != null) {
                    birthByEarTag.put(read.earTag(), read.birthDate());
                }
            }
        }
        if (read.damEarTag() != null) {
            damReferences.add(new DamReference(currentLine, read.damEarTag(), read.birthDate()));
        }
        if (read.row() != null) {
            rows.add(read.row());
        }
    }

    CsvParseResult result(String sha256) {
        Set<EarTag> damsOutsideFile = checkDams();
        if (dataRows == 0 && errors.isEmpty()) {
            fileError(1, "no_animals", "The file has a header but no animals.");
        }
        if (!errors.isEmpty()) {
            List<CsvError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(CsvError::line)); // stable: a line's errors keep column order
            return new CsvParseResult(sha256, dataRows, List.of(), sorted, Set.of());
        }
        return new CsvParseResult(sha256, dataRows, rows, List.of(), damsOutsideFile);
    }

    /** A dam defined in the file must be hembra and born before its calf; the others are left for the caller to find in the finca. */
    private Set<EarTag> checkDams() {
        Set<EarTag> outside = new HashSet<>();
        for (DamReference reference : damReferences) {
            Integer damLine = lineByEarTag.get(reference.dam());
            if (damLine == null) {
                outside.add(reference.dam());
            } else if (sexByEarTag.get(reference.dam()) == Sex.MACHO) {
                errors.add(new CsvError(reference.line(), CsvColumn.ARETE_MADRE.headerName(), "dam_not_female", "arete_madre "
                        + reference.dam() + " is a macho (line " + damLine + "); a dam must be hembra.",
                        "earTag", reference.dam(), "damLine", damLine));
            } else if (!DateRules.bornAfterDam(reference.calfBorn(), birthByEarTag.get(reference.dam()))) {
                errors.add(new CsvError(reference.line(), CsvColumn.FECHA_NACIMIENTO.headerName(), "calf_born_before_dam", "fecha_nacimiento "
                        + reference.calfBorn() + " is not after the birth of its dam " + reference.dam() + " ("
                        + birthByEarTag.get(reference.dam()) + ", line " + damLine + "); a calf is born after its dam.",
                        "birthDate", reference.calfBorn(), "dam", reference.dam(), "damBirthDate", birthByEarTag.get(reference.dam()),
                        "damLine", damLine));
            }
        }
        return outside;
    }
}
