package com.fincafacil.farm.service.csv;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The columns of an animal import file; names are Spanish, as farmers write them (docs/farm-csv-import.md). */
public enum CsvColumn {
    ARETE(true),
    ESPECIE(false),
    RAZA(false),
    SEXO(true),
    FECHA_NACIMIENTO(false),
    ARETE_MADRE(false),
    PESO_KG(false),
    ESTADO(false);

    private final boolean required;

    CsvColumn(boolean required) {
        this.required = required;
    }

    public String headerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean required() {
        return required;
    }

    /** Header names are compared trimmed and case-insensitively. */
    public static Optional<CsvColumn> byHeader(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.headerName().equals(wanted)).findFirst();
    }
}
