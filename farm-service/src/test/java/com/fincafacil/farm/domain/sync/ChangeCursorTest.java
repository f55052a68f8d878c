package com.fincafacil.farm.domain.sync;

import com.fincafacil.farm.domain.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChangeCursorTest {

    private static final UUID FINCA = UUID.fromString("5f0c6a1e-2b7d-4c1a-9e3f-0d8b7a6c5e41");

    @Test
    void a_cursor_reads_back_as_itself_on_its_own_finca() {
        ChangeCursor cursor = new ChangeCursor(FINCA, 4_294_967_301L, 17);
        assertEquals(cursor, ChangeCursor.decode(cursor.encode(), FINCA));
    }

    @Test
    void another_fincas_cursor_is_refused_as_such() {
        String theirs = new ChangeCursor(UUID.randomUUID(), 1, 1).encode();
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> ChangeCursor.decode(theirs, FINCA));
        assertEquals("other_finca", e.facts("since").get("variant"));
    }

    @Test
    void text_that_is_no_cursor_is_refused_as_malformed() {
        String negative = java.util.Base64.getUrlEncoder().encodeToString(("c1:" + FINCA + ":-1:2").getBytes());
        for (String text : new String[] {"", "abc", "%%%", "YzE6eDp5Onp6", negative}) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> ChangeCursor.decode(text, FINCA), text);
            assertEquals("invalid_cursor", e.code());
            assertEquals("malformed", e.facts("since").get("variant"), text);
        }
    }
}
