package com.fincafacil.farm.service.csv;

import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.DateRules;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.InvalidValueException;
import com.fincafacil.farm.domain.Kilograms;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Species;
import org.apache.commons.csv.CSVRecord;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks the values of one row, column by column, reporting every problem rather than the first. */
final class AnimalRowReader {

    static final int MAX_BREED_LENGTH = 60;

    private final CsvHeader header;
    private final char separator;
    private final LocalDate today;

    AnimalRowReader(CsvHeader header, char separator, LocalDate today) {
        this.header = header;
        this.separator = separator;
        this.today = today;
    }

    /** What could be read of a row; {@code row} is null when any value was wrong. */
    record ReadRow(EarTag earTag, Sex sex, LocalDate birthDate, EarTag damEarTag, AnimalRow row) {
    }

    ReadRow read(CSVRecord record, int line, List<CsvError> errors) {
        int errorsBefore = errors.size();
        checkWidth(record, line, errors);
        EarTag earTag = value(record, CsvColumn.ARETE, line, errors, EarTag::of);
        Species species = enumValue(record, CsvColumn.ESPECIE, line, errors, Species::parse, Species.values(), Species.DEFAULT);
        String breed = breed(record, line, errors);
        Sex sex = enumValue(record, CsvColumn.SEXO, line, errors, Sex::parse, Sex.values(), null);
        LocalDate birthDate = value(record, CsvColumn.FECHA_NACIMIENTO, line, errors, this::birthDate);
        EarTag dam = value(record, CsvColumn.ARETE_MADRE, line, errors, EarTag::of);
        Kilograms weight = value(record, CsvColumn.PESO_KG, line, errors, this::kilograms);
        AnimalStatus status = enumValue(record, CsvColumn.ESTADO, line, errors, AnimalStatus::parse,
                AnimalStatus.values(), AnimalStatus.DEFAULT);
        if (earTag != null && earTag.equals(dam)) {
            errors.add(new CsvError(line, CsvColumn.ARETE_MADRE.headerName(), "dam_is_itself", "arete_madre is the animal's own arete."));
        }
        AnimalRow row = errors.size() > errorsBefore ? null
                : new AnimalRow(line, earTag, species, breed, sex, birthDate, dam, weight, status);
        return new ReadRow(earTag, sex, birthDate, dam, row);
    }

    /** Blank when every value is empty: such rows (e.g. ";;;;" left by a spreadsheet) are skipped. */
    static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private void checkWidth(CSVRecord record, int line, List<CsvError> errors) {
        for (int i = header.size(); i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                errors.add(new CsvError(line, null, "row_too_long", "The row has " + record.size() + " values but the header has "
                        + header.size() + " columns; is a value containing '" + separator + "' missing its quotes?",
                        "values", record.size(), "columns", header.size(), "separator", separator));
                return;
            }
        }
    }

    private String text(CSVRecord record, CsvColumn column) {
        int index = header.indexOf(column);
        if (index < 0 || index >= record.size()) {
            return null;
        }
        String value = record.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    /** Converts a present value; a missing one is null, or an error when the column is required. */
    private <T> T value(CSVRecord record, CsvColumn column, int line, List<CsvError> errors, Function<String, T> convert) {
        String text = text(record, column);
        if (text == null) {
            if (column.required() && header.indexOf(column) >= 0) {
                errors.add(new CsvError(line, column.headerName(), "field_required", column.headerName() + " is required.", "field", column.headerName()));
            }
            return null;
        }
        if (!isUtf8(text, column, line, errors)) {
            return null;
        }
        try {
            return convert.apply(text);
        } catch (InvalidValueException e) {
            Map<String, Object> facts = e.facts(column.headerName());
            facts.put("found", shortened(text));
            errors.add(new CsvError(line, column.headerName(), e.code(), column.headerName() + " " + e.getMessage()
                    + " (found '" + shortened(text) + "').", facts));
            return null;
        }
    }

    private <T extends Enum<T>> T enumValue(CSVRecord record, CsvColumn column, int line, List<CsvError> errors,
                                            Function<String, Optional<T>> parse, T[] allowed, T fallback) {
        T parsed = value(record, column, line, errors, text -> parse.apply(text).orElseThrow(
                () -> new InvalidValueException(column.headerName(), "unknown_value", "must be one of " + wireNames(allowed),
                        "allowed", wireNames(allowed))));
        return parsed == null ? fallback : parsed;
    }

    private String breed(CSVRecord record, int line, List<CsvError> errors) {
        String breed = text(record, CsvColumn.RAZA);
        if (breed != null && !isUtf8(breed, CsvColumn.RAZA, line, errors)) {
            return null;
        }
        if (breed != null && breed.length() > MAX_BREED_LENGTH) {
            errors.add(new CsvError(line, CsvColumn.RAZA.headerName(), "too_long",
                    "raza must be at most " + MAX_BREED_LENGTH + " characters (it has " + breed.length() + ").",
                    "max", MAX_BREED_LENGTH, "length", breed.length()));
            return null;
        }
        return breed;
    }

    /** The decoder turned bytes that are not UTF-8 into U+FFFD (see {@link AnimalCsvParser}). */
    private static boolean isUtf8(String text, CsvColumn column, int line, List<CsvError> errors) {
        if (text.indexOf('\uFFFD') < 0) {
            return true;
        }
        errors.add(new CsvError(line, column.headerName(), "not_utf8", column.headerName() + " is not UTF-8 text (found '"
                + shortened(text) + "'): save the file from your spreadsheet as \"CSV UTF-8\" and upload it again.",
                "found", shortened(text)));
        return false;
    }

    private LocalDate birthDate(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("birthDate", "invalid_format", "must be a date written yyyy-MM-dd, e.g. 2024-05-31",
                    "variant", "date");
        }
        return DateRules.requireNotInFuture("birthDate", date, today);
    }

    /** A ';' file may use the decimal comma Colombian spreadsheets write ("450,5"); no thousands separators. */
    private Kilograms kilograms(String text) {
        boolean comma = text.indexOf(',') >= 0;
        if (comma && separator == ',') {
            throw new InvalidValueException(Kilograms.FIELD, "invalid_format", "must use a decimal point in a comma-separated file (450.5)",
                    "variant", "decimal_point");
        }
        if (comma && text.indexOf('.') >= 0) {
            throw new InvalidValueException(Kilograms.FIELD, "invalid_format", "must not have thousands separators (write 1250,5 or 1250.5)",
                    "variant", "thousands");
        }
        return Kilograms.of(comma ? text.replace(',', '.') : text);
    }

    private static String wireNames(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** Echoing a whole 1 MB cell back would bury the message. */
    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
