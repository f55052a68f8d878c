package com.fincafacil.farm.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EarTagTest {

    @ParameterizedTest
    @CsvSource({
            "CO-000123, CO-000123",
            "'  a17 ', A17",
            "7B, 7B",
            "abcdefghij0123456789, ABCDEFGHIJ0123456789"
    })
    void ear_tag_is_trimmed_and_upper_cased(String typed, String stored) {
        assertEquals(stored, EarTag.of(typed).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "-CO12", "CO 12", "CO_12", "CAÑA1", "abcdefghij0123456789X", "CO.12"})
    void malformed_ear_tag_is_refused_naming_the_field(String typed) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> EarTag.of(typed));
        assertEquals("earTag", e.field());
    }

    @Test
    void blank_ear_tag_is_refused_as_required() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> EarTag.of("   "));
        assertEquals("is required", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "CO-0012, CO12",
            "CO12, CO12",
            "0012, 12",
            "000, 0",
            "A-007-B, A7B",
            "CO-100, CO100",
            "AB-01-002, AB12"
    })
    void duplicate_key_drops_dashes_and_leading_zeros_of_numbers(String tag, String key) {
        assertEquals(key, EarTag.of(tag).duplicateKey());
    }

    @Test
    void different_numbers_keep_different_duplicate_keys() {
        assertNotEquals(EarTag.of("CO-0012").duplicateKey(), EarTag.of("CO-0120").duplicateKey());
    }
}
