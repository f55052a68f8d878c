package com.fincafacil.commons.rest;

import jakarta.ws.rs.BadRequestException;

/** A query or header parameter whose text is not a value of its type; the mappers answer 400 naming it. */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String variant;
    private final String found;

    /** {@code variant} names what was expected (whole_number, out_of_range, boolean) for the words in other languages. */
    public InvalidParameterException(String parameter, String detail, String variant, String found) {
        super(detail);
        this.parameter = parameter;
        this.variant = variant;
        this.found = found;
    }

    public InvalidParameterException(String parameter, String detail) {
        this(parameter, detail, null, null);
    }

    public String parameter() {
        return parameter;
    }

    public String variant() {
        return variant;
    }

    public String found() {
        return found;
    }
}
