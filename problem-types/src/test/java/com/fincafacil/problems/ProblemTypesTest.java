package com.fincafacil.problems;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProblemTypesTest {

    @Test
    void a_code_and_its_type_uri_read_back_into_each_other() {
        assertEquals("https://fincafacil.co/problems/ear_tag_taken", ProblemTypes.uri("ear_tag_taken"));
        assertEquals("ear_tag_taken", ProblemTypes.codeOf(ProblemTypes.uri("ear_tag_taken")));
    }

    @Test
    void a_status_only_or_foreign_type_names_no_code() {
        assertNull(ProblemTypes.codeOf("https://fincafacil.co/problems/404"));
        assertNull(ProblemTypes.codeOf("https://example.org/problems/ear_tag_taken"));
        assertNull(ProblemTypes.codeOf("about:blank"));
        assertNull(ProblemTypes.codeOf(null));
    }

    @Test
    void a_body_has_the_members_in_order_and_no_field_when_there_is_none() {
        assertEquals(List.of("type", "title", "status", "code", "detail"),
                List.copyOf(ProblemTypes.body(409, "conflict", "Conflict", "x", null).keySet()));
        assertEquals("slot", ProblemTypes.body(400, "invalid_value", "Bad Request", "x", "slot").get("field"));
    }
}
