package com.fincafacil.flags.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.flags.domain.AlertFlag;
import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.FlagKeys;
import com.fincafacil.flags.domain.FlagSet;
import com.fincafacil.flags.domain.PhaseFlag;
import com.fincafacil.flags.domain.SemVer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.fincafacil.flags.domain.DeploymentLevel.PILOTO;
import static com.fincafacil.flags.domain.DeploymentLevel.PRODUCCION_ABIERTA;
import static com.fincafacil.flags.domain.DeploymentLevel.PRODUCCION_CONTROLADA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlagFileCodecTest {

    private final FlagFileCodec codec = new FlagFileCodec();

    @Test
    void seed_file_round_trips_with_key_order_and_layout() throws IOException {
        String seed = seedFile();

        String exported = codec.export(codec.parse(seed));

        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(seed), mapper.readTree(exported));
        assertEquals(withoutWhitespace(seed), withoutWhitespace(exported));
        assertEquals(seed, exported);
    }

    @Test
    void seed_file_reads_into_the_flags_it_describes() throws IOException {
        FlagSet flags = codec.parse(seedFile());

        assertEquals(List.of("FASE_8_DATA_QUALITY", "FASE_9_OBSERVABILITY", "FASE_37_BI_ANALYTICS"),
                List.copyOf(flags.fases().keySet()));
        assertEquals(new PhaseFlag("FASE_9_OBSERVABILITY", true, List.of(PRODUCCION_CONTROLADA, PRODUCCION_ABIERTA),
                75, SemVer.of("1.0.0"), null), flags.findPhase("FASE_9_OBSERVABILITY").orElseThrow());
        assertEquals(new PhaseFlag("FASE_37_BI_ANALYTICS", false, List.of(PRODUCCION_ABIERTA), 0,
                SemVer.of("1.2.0"), "Disponible en v1.2.0+"), flags.findPhase("FASE_37_BI_ANALYTICS").orElseThrow());
        assertEquals(List.of(new AlertFlag("ALERTA_BAJA", true, PILOTO),
                        new AlertFlag("ALERTA_MEDIA", true, PRODUCCION_CONTROLADA),
                        new AlertFlag("ALERTA_CRITICA", true, PILOTO)),
                List.copyOf(flags.alertas().values()));
    }

    @Test
    void file_with_several_errors_is_refused_listing_every_one_with_its_path() {
        String file = """
                {
                  "FASES": {
                    "FASE_8_DATA_QUALITY": {
                      "habilitado": true,
                      "niveles": ["piloto"],
                      "porcentaje_rollout": 100
                    },
                    "FASE_9_OBSERVABILITY": {
                      "habilitado": true,
                      "niveles": ["produccion_controlada"],
                      "porcentaje_rollout": 140,
                      "version_minima": "1.x"
                    },
                    "FASE_37_BI_ANALYTICS": {
                      "habilitado": false,
                      "niveles": ["produccion_abierta", "produccion_cerrada"],
                      "porcentaje_rollout": 0
                    },
                    "FASE_8_DATA_QUALITY": {
                      "habilitado": true,
                      "niveles": ["piloto"],
                      "porcentaje_rollout": 100
                    }
                  },
                  "ALERTAS": {}
                }
                """;

        Map<String, String> errors = errorsOf(file);

        assertEquals(Map.of(
                "FASES.FASE_8_DATA_QUALITY",
                "duplicate key (line 19): it is already defined at line 3 in the same object; keep only one",
                "FASES.FASE_9_OBSERVABILITY.porcentaje_rollout", "must be a whole number from 0 to 100 (was 140)",
                "FASES.FASE_9_OBSERVABILITY.version_minima",
                "\"1.x\" is not a semantic version: write MAJOR.MINOR.PATCH, e.g. \"1.2.0\"",
                "FASES.FASE_37_BI_ANALYTICS.niveles[1]",
                "unknown level \"produccion_cerrada\"; use one of piloto, produccion_controlada, produccion_abierta"),
                errors);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "habilitado": "true", "niveles": ["piloto"], "porcentaje_rollout": 5           | FASES.F.habilitado         | must be true or false
            "niveles": ["piloto"], "porcentaje_rollout": 5                                 | FASES.F.habilitado         | required field is missing
            "habilitado": true, "porcentaje_rollout": 5                                    | FASES.F.niveles            | required field is missing
            "habilitado": true, "niveles": "piloto", "porcentaje_rollout": 5               | FASES.F.niveles            | must be a list of levels (piloto, produccion_controlada, produccion_abierta)
            "habilitado": true, "niveles": ["Piloto"], "porcentaje_rollout": 5             | FASES.F.niveles[0]         | unknown level "Piloto"; use one of piloto, produccion_controlada, produccion_abierta
            "habilitado": true, "niveles": [1], "porcentaje_rollout": 5                    | FASES.F.niveles[0]         | unknown level 1; use one of piloto, produccion_controlada, produccion_abierta
            "habilitado": true, "niveles": ["piloto", "piloto"], "porcentaje_rollout": 5   | FASES.F.niveles[1]         | level piloto is listed twice
            "habilitado": true, "niveles": ["piloto"]                                      | FASES.F.porcentaje_rollout | required field is missing
            "habilitado": true, "niveles": ["piloto"], "porcentaje_rollout": -1            | FASES.F.porcentaje_rollout | must be a whole number from 0 to 100 (was -1)
            "habilitado": true, "niveles": ["piloto"], "porcentaje_rollout": 75.5          | FASES.F.porcentaje_rollout | must be a whole number from 0 to 100 (was 75.5)
            "habilitado": true, "niveles": ["piloto"], "porcentaje_rollout": 75.0          | FASES.F.porcentaje_rollout | must be a whole number from 0 to 100 (was 75.0)
            "habilitado": true, "niveles": ["piloto"], "porcentaje_rollout": "75"          | FASES.F.porcentaje_rollout | must be a whole number from 0 to 100 (was "75")
            "habilitado": true, "niveles": ["piloto"], "porcentaje_rollout": 5, "version_minima": 1 | FASES.F.version_minima | 1 is not a semantic version: write MAJOR.MINOR.PATCH, e.g. "1.2.0"
            "habilitado": true, "niveles": ["piloto"], "porcentaje_rollout": 5, "notas": 3 | FASES.F.notas              | must be text
            "habilitado": true, "niveles": ["piloto"], "porcentaje_rollout": 5, "owner": "x" | FASES.F.owner            | unknown field; a flag here has only habilitado, niveles, porcentaje_rollout, version_minima, notas
            "habilitado": true, "habilitado": false, "niveles": ["piloto"], "porcentaje_rollout": 5 | FASES.F.habilitado | duplicate key (line 1): it is already defined at line 1 in the same object; keep only one
            """)
    void phase_flag_field_problem_is_reported_at_its_path(String fields, String path, String message) {
        String file = "{\"FASES\": {\"F\": {" + fields + "}}, \"ALERTAS\": {}}";

        assertEquals(Map.of(path, message), errorsOf(file));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "habilitado": true, "nivel_minimo": "produccion"           | ALERTAS.A.nivel_minimo | unknown level "produccion"; use one of piloto, produccion_controlada, produccion_abierta
            "habilitado": true                                         | ALERTAS.A.nivel_minimo | required field is missing
            "habilitado": null, "nivel_minimo": "piloto"               | ALERTAS.A.habilitado   | must be true or false
            "habilitado": true, "nivel_minimo": "piloto", "niveles": [] | ALERTAS.A.niveles     | unknown field; a flag here has only habilitado, nivel_minimo
            """)
    void alert_flag_field_problem_is_reported_at_its_path(String fields, String path, String message) {
        String file = "{\"FASES\": {}, \"ALERTAS\": {\"A\": {" + fields + "}}}";

        assertEquals(Map.of(path, message), errorsOf(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"FASES": {}}                                   | ALERTAS       | required section is missing
            {"FASES": [], "ALERTAS": {}}                    | FASES         | must be an object of flags by key
            {"FASES": {}, "ALERTAS": {}, "fases": {}}       | fases         | unknown section; the file has only FASES and ALERTAS
            {"FASES": {"fase_9": {}}, "ALERTAS": {}}        | FASES.fase_9  | flag key must be upper-case letters, digits and underscores, starting with a letter (^[A-Z][A-Z0-9_]*$)
            {"FASES": {"F": true}, "ALERTAS": {}}           | FASES.F       | a flag must be an object
            [1, 2]                                          | $             | the file must be a JSON object with FASES and ALERTAS
            {"FASES": {}, "ALERTAS": {}} {}                 | $             | unexpected content after the end of the JSON value at line 1
            {"FASES": {}, "ALERTAS": {},}                   | $             | malformed JSON at line 1, column 29: Unexpected character ('}' (code 125)): was expecting double-quote to start field name
            """)
    void file_level_problem_is_reported_at_its_path(String file, String path, String message) {
        assertEquals(Map.of(path, message), errorsOf(file));
    }

    @Test
    void a_key_longer_than_flags_service_stores_is_refused_without_repeating_it() {
        String key = "F".repeat(FlagKeys.MAX_LENGTH + 1);
        assertEquals(Map.of("FASES.FFFFFFFFFFFFFFFFFFFF…", "flag key must be at most 100 characters"),
                errorsOf("{\"FASES\": {\"" + key + "\": {}}, \"ALERTAS\": {}}"));
        FlagSet longest = codec.parse("{\"FASES\": {\"" + key.substring(1)
                + "\": {\"habilitado\": true, \"niveles\": [], \"porcentaje_rollout\": 0}}, \"ALERTAS\": {}}");
        assertTrue(longest.find(key.substring(1)).isPresent(), "a key of exactly 100 characters is fine");
    }

    @Test
    void missing_sections_are_both_reported() {
        assertEquals(Map.of("FASES", "required section is missing", "ALERTAS", "required section is missing"),
                errorsOf("{}"));
    }

    @Test
    void empty_file_is_refused() {
        assertEquals(Map.of("$", "the file is empty"), errorsOf("  \n"));
    }

    @Test
    void the_same_key_in_both_sections_is_refused() {
        String file = """
                {"FASES": {"DOBLE": {"habilitado": true, "niveles": [], "porcentaje_rollout": 0}},
                 "ALERTAS": {"DOBLE": {"habilitado": true, "nivel_minimo": "piloto"}}}
                """;

        assertEquals(Map.of("ALERTAS.DOBLE", "this key is already used by a flag under FASES"), errorsOf(file));
    }

    @Test
    void a_key_in_both_sections_is_reported_even_when_one_of_the_flags_is_broken() {
        String file = """
                {"FASES": {"DOBLE": {"habilitado": true, "niveles": [], "porcentaje_rollout": 101}},
                 "ALERTAS": {"DOBLE": {"habilitado": true, "nivel_minimo": "piloto"}}}
                """;

        assertEquals(Map.of("FASES.DOBLE.porcentaje_rollout", "must be a whole number from 0 to 100 (was 101)",
                "ALERTAS.DOBLE", "this key is already used by a flag under FASES"), errorsOf(file));
    }

    @Test
    void optional_fields_may_be_null_and_are_then_left_out_of_the_export() {
        String file = """
                {"FASES": {"F": {"habilitado": true, "niveles": ["piloto"], "porcentaje_rollout": 5,
                                 "version_minima": null, "notas": null}},
                 "ALERTAS": {}}
                """;

        PhaseFlag flag = codec.parse(file).findPhase("F").orElseThrow();

        assertNull(flag.versionMinima());
        assertNull(flag.notas());
        assertTrue(codec.export(codec.parse(file)).contains("\"porcentaje_rollout\": 5\n"));
    }

    @Test
    void export_of_built_flags_parses_back_to_the_same_flags() {
        FlagSet flags = FlagSet.of(
                List.of(new PhaseFlag("FASE_10_PESAJE", true, List.of(PRODUCCION_ABIERTA, PILOTO), 30,
                                SemVer.of("1.3.0-rc.1"), "Pesaje con báscula \"Tru-Test\"\nvía Bluetooth"),
                        new PhaseFlag("FASE_11_VACIO", false, List.of(), 0, null, null)),
                List.of(new AlertFlag("ALERTA_ALTA", false, DeploymentLevel.PRODUCCION_CONTROLADA)));

        String exported = codec.export(flags);

        assertEquals(flags, codec.parse(exported));
        assertTrue(exported.contains("\"niveles\": [\"produccion_abierta\", \"piloto\"],"), exported);
        assertTrue(exported.contains("\"niveles\": [],"), exported);
    }

    @Test
    void export_of_no_flags_has_both_sections() {
        assertEquals("{\n  \"FASES\": {},\n  \"ALERTAS\": {}\n}\n", codec.export(FlagSet.empty()));
        assertEquals(FlagSet.empty(), codec.parse(codec.export(FlagSet.empty())));
    }

    @Test
    void refusal_message_counts_and_lists_the_problems() {
        FlagFileException refused = assertThrows(FlagFileException.class, () -> codec.parse("{}"));

        assertEquals("The flag file has 2 problems: FASES: required section is missing; "
                + "ALERTAS: required section is missing", refused.getMessage());
    }

    private Map<String, String> errorsOf(String file) {
        FlagFileException refused = assertThrows(FlagFileException.class, () -> codec.parse(file));
        Map<String, String> byPath = refused.errors().stream()
                .collect(Collectors.toMap(FileError::path, FileError::message));
        assertEquals(refused.errors().size(), byPath.size(), "one error per path: " + refused.errors());
        return byPath;
    }

    private static String withoutWhitespace(String json) {
        return json.replaceAll("\\s+", "");
    }

    /** The shipped config/feature_flags.json, which is the seed's file verbatim. */
    private static String seedFile() throws IOException {
        Path fromModule = Path.of("../config/feature_flags.json");
        Path file = Files.exists(fromModule) ? fromModule : Path.of("config/feature_flags.json");
        return Files.readString(file);
    }
}
