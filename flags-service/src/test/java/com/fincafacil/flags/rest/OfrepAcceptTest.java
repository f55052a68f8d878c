package com.fincafacil.flags.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfrepAcceptTest {

    @Test
    void no_accept_or_a_range_covering_json_takes_json() {
        assertTrue(OfrepAccept.takesJson(null));
        assertTrue(OfrepAccept.takesJson(" "));
        assertTrue(OfrepAccept.takesJson("*/*"));
        assertTrue(OfrepAccept.takesJson("application/*"));
        assertTrue(OfrepAccept.takesJson("text/html, application/json;q=0.9"));
        assertTrue(OfrepAccept.takesJson("not a type, application/json"));
    }

    @Test
    void ranges_that_all_exclude_json_do_not() {
        assertFalse(OfrepAccept.takesJson("text/plain"));
        assertFalse(OfrepAccept.takesJson("application/xml, text/*"));
        assertFalse(OfrepAccept.takesJson("not a type"));
    }
}
