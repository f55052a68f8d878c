package com.fincafacil.flags.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemVerTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "0.0.1", "10.20.30", "1.2.0-rc.1", "1.2.0+build.7", "2.0.0-alpha.1+sha.5114f85"})
    void valid_versions_parse_and_print_as_written(String text) {
        assertEquals(text, SemVer.parse(text).orElseThrow().toString());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "1", "1.0", "1.x", "1.2.x", "v1.0.0", " 1.0.0", "1.0.0 ", "01.0.0", "1.2.3.4", "1.2.3-", "1.2.3+", "last"})
    void anything_but_a_strict_semantic_version_is_refused(String text) {
        assertEquals(Optional.empty(), SemVer.parse(text));
    }

    @ParameterizedTest(name = "{0} >= {1} is {2}")
    @CsvSource(textBlock = """
            1.2.0,      1.2.0, true
            1.10.0,     1.2.0, true
            2.0.0,      1.9.9, true
            1.1.9,      1.2.0, false
            1.2.0-rc.1, 1.2.0, false
            1.2.0+b.1,  1.2.0, true
            """)
    void is_at_least_compares_by_semver_precedence(String version, String minimum, boolean atLeast) {
        assertEquals(atLeast, SemVer.of(version).isAtLeast(SemVer.of(minimum)));
    }

    @Test
    void equal_versions_are_equal_and_build_metadata_only_breaks_equality() {
        assertEquals(SemVer.of("1.2.0"), SemVer.of("1.2.0"));
        assertEquals(SemVer.of("1.2.0").hashCode(), SemVer.of("1.2.0").hashCode());
        assertNotEquals(SemVer.of("1.2.0"), SemVer.of("1.2.0+b.1"));
        assertEquals(0, SemVer.of("1.2.0").compareTo(SemVer.of("1.2.0+b.1")));
        assertFalse(SemVer.of("1.2.0").isAtLeast(SemVer.of("1.2.1")));
        assertTrue(SemVer.of("1.2.1").compareTo(SemVer.of("1.2.0")) > 0);
        assertEquals(SemVer.of("1.2.4"), SemVer.of("1.2.3-rc.1+b.7").nextPatch());
        assertEquals(SemVer.of("1.2.4"), SemVer.of("1.2.3").nextPatch());
        assertEquals(2, SemVer.of("2.7.1").major());
        assertEquals(7, SemVer.of("2.7.1").minor());
    }
}
