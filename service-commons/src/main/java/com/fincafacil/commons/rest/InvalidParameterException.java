package com.fincafacil.commons.rest;

import jakarta.ws.rs.BadRequestException;

/** A query or header parameter whose text is not a value of its type; the mappers answer 400 naming it. */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
