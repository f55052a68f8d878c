package com.fincafacil.farm.domain;

/**
 * A value that breaks a domain rule. {@code field} is the English JSON field name the REST layer
 * reports in its 400. The message is a predicate ("must be more than 0 and less than 2000 kg") so
 * that field + " " + message reads as a sentence under any name: the CSV import puts the Spanish
 * column name in front instead.
 */
public final class InvalidValueException extends RuntimeException {

    public static final String REQUIRED = "field_required";

    private final String field;
    private final String code;

    /** {@code code}: the stable code of the refusal (docs/farm-api.md, "Problem codes"). */
    public InvalidValueException(String field, String code, String message) {
        // no stack trace: a 100,000-row CSV import may raise one per row, and none is a bug
        super(message, null, false, false);
        this.field = field;
        this.code = code;
    }

    public InvalidValueException(String field, String message) {
        this(field, "is required".equals(message) ? REQUIRED : "invalid_value", message);
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
