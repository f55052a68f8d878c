package com.fincafacil.commons.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON text value holds a character no FincaFácil database can store (PostgreSQL refuses NUL
 * in text and jsonb). Raised while the body is read, so the path of the field comes with it.
 */
public class ForbiddenCharacterException extends MismatchedInputException {

    public ForbiddenCharacterException(JsonParser parser) {
        super(parser, "text contains a NUL character", String.class);
    }
}
