package com.fincafacil.commons.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON text value holds a character no FincaFácil database can store (PostgreSQL refuses NUL
 * in text and jsonb) or half of a surrogate pair (no character at all). Raised while the body is
 * read, so the path of the field comes with it.
 */
public class ForbiddenCharacterException extends MismatchedInputException {

    private final boolean nul;

    /** {@code nul}: the character is NUL; otherwise half of a surrogate pair. */
    public ForbiddenCharacterException(JsonParser parser, boolean nul) {
        super(parser, nul ? "text contains a NUL character" : "text contains half of a surrogate pair", String.class);
        this.nul = nul;
    }

    public boolean nul() {
        return nul;
    }
}
