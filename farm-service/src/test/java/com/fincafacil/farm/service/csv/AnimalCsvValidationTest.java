package com.fincafacil.farm.service.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.fincafacil.farm.service.csv.AnimalCsvParserTest.TODAY;
import static com.fincafacil.farm.service.csv.AnimalCsvParserTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files that do not import: every problem is reported with its line and column, and no row is kept. */
class AnimalCsvValidationTest {

    private static List<String> where(CsvParseResult result) {
        return result.errors().stream().map(e -> e.line() + ":" + e.column()).toList();
    }

    @Test
    void one_bad_row_among_good_ones_is_the_only_error_and_nothing_is_imported() {
        CsvParseResult result = parse("""
                arete;sexo;peso_kg
                CO-1;macho;300
                CO-2;hembra;0
                CO-3;hembra;280,5
                """);

        assertFalse(result.isValid());
        assertEquals(List.of(new CsvError(3, "peso_kg", "out_of_range",
                "peso_kg must be more than 0 and less than 2000 kg (found '0').")), result.errors());
        assertEquals(List.of(), result.rows());
        assertEquals(3, result.dataRows());
    }

    @Test
    void every_error_of_every_row_is_listed_in_line_order() {
        CsvParseResult result = parse("""
                arete;especie;raza;sexo;fecha_nacimiento;arete_madre;peso_kg;estado
                CO 1;vaca;;m;15/03/2024;;2000;vivo
                CO-2;bovino;%s;hembra;2026-03-16;CO-2;-5;activo
                ;bovino;;;2024-02-30;;abc;
                CO-4;ovino;;hembra;2024-01-01;;12.345;muerto
                """.formatted("x".repeat(61)));

        assertEquals(List.of(
                "2:arete", "2:especie", "2:sexo", "2:fecha_nacimiento", "2:peso_kg", "2:estado",
                "3:raza", "3:fecha_nacimiento", "3:peso_kg", "3:arete_madre",
                "4:arete", "4:sexo", "4:fecha_nacimiento", "4:peso_kg",
                "5:peso_kg"), where(result));
    }

    @Test
    void messages_name_the_column_and_what_is_expected() {
        CsvParseResult result = parse("""
                arete;especie;sexo;fecha_nacimiento
                CO-1;vaca;m;2026-03-16
                """);

        assertEquals(List.of(
                "especie must be one of bovino, bufalino, ovino, caprino, equino (found 'vaca').",
                "sexo must be one of macho, hembra (found 'm').",
                "fecha_nacimiento cannot be in the future (today is 2026-03-15) (found '2026-03-16')."),
                result.errors().stream().map(CsvError::message).toList());
    }

    @Test
    void weights_of_2000_kg_and_0_kg_are_refused_and_1999_99_accepted() {
        CsvParseResult result = parse("""
                arete;sexo;peso_kg
                CO-1;macho;2000
                CO-2;macho;0,00
                CO-3;macho;1999,99
                """);
        assertEquals(List.of("2:peso_kg", "3:peso_kg"), where(result));
    }

    @Test
    void decimal_comma_is_refused_in_a_comma_separated_file_and_thousands_separators_everywhere() {
        assertEquals(List.of("2:peso_kg"), where(parse("arete,sexo,peso_kg\nCO-1,macho,\"450,5\"\n")));
        assertEquals(List.of("2:peso_kg"), where(parse("arete;sexo;peso_kg\nCO-1;macho;1.250,5\n")));
    }

    @Test
    void repeated_arete_is_reported_on_the_later_line() {
        CsvParseResult result = parse("""
                arete;sexo
                CO-1;macho
                CO-2;hembra
                co-1;hembra
                """);

        assertEquals(List.of(new CsvError(4, "arete", "ear_tag_repeated", "arete CO-1 already appears on line 2.")), result.errors());
    }

    @Test
    void unknown_and_missing_columns_are_reported_on_line_1() {
        CsvParseResult result = parse("""
                arete;color;peso_kg;Peso_kg
                CO-1;negro;300;300
                """);

        assertEquals(List.of("1:color", "1:peso_kg", "1:sexo"), where(result));
        assertTrue(result.errors().get(0).message().startsWith("Unknown column color; the columns are arete, especie"));
    }

    @Test
    void dam_in_the_file_must_be_hembra_and_not_the_animal_itself() {
        CsvParseResult result = parse("""
                arete;sexo;arete_madre
                CO-1;hembra;CO-2
                CO-2;macho;
                CO-3;hembra;CO-3
                """);

        assertEquals(List.of(
                new CsvError(2, "arete_madre", "dam_not_female", "arete_madre CO-2 is a macho (line 3); a dam must be hembra."),
                new CsvError(4, "arete_madre", "dam_is_itself", "arete_madre is the animal's own arete.")), result.errors());
    }

    @Test
    void a_calf_of_the_file_born_on_or_before_its_dam_of_the_file_is_refused_on_the_calf_line() {
        CsvParseResult result = parse("""
                arete;sexo;fecha_nacimiento;arete_madre
                CO-1;hembra;2020-06-01;CO-2
                CO-2;hembra;2021-03-10;
                CO-3;macho;2021-03-10;CO-2
                CO-4;macho;2022-01-05;CO-2
                """);

        assertEquals(List.of(
                new CsvError(2, "fecha_nacimiento", "calf_born_before_dam", "fecha_nacimiento 2020-06-01 is not after the birth of its dam CO-2 (2021-03-10, line 3); a calf is born after its dam."),
                new CsvError(4, "fecha_nacimiento", "calf_born_before_dam", "fecha_nacimiento 2021-03-10 is not after the birth of its dam CO-2 (2021-03-10, line 3); a calf is born after its dam.")),
                result.errors());
    }

    @Test
    void empty_file_is_an_error() {
        assertEquals(List.of(new CsvError(1, null, "file_empty", "The file is empty: it needs a header line and at least one animal.")),
                parse("").errors());
        assertEquals(1, parse("\uFEFF").errors().size());
    }

    @Test
    void header_without_rows_is_an_error() {
        assertEquals(List.of(new CsvError(1, null, "no_animals", "The file has a header but no animals.")),
                parse("arete;sexo\n\n;\n").errors());
    }

    @Test
    void blank_first_line_is_not_a_header() {
        assertEquals(List.of("1:null"), where(parse("\narete;sexo\nCO-1;macho\n")));
    }

    @Test
    void row_with_more_values_than_the_header_is_an_error() {
        CsvParseResult result = parse("arete,sexo,peso_kg\nCO-1,macho,450,5\nCO-2,macho,450,\n");
        assertEquals(List.of("2:null"), where(result));
    }

    @Test
    void text_that_is_not_utf8_is_refused_on_its_line_and_column() {
        byte[] latin1 = "arete;raza;sexo\nCO-1;Normando;macho\nCO-2;Cebú;hembra\nCO-3;Cebú;macho\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        CsvParseResult result = new AnimalCsvParser().parse(latin1, TODAY);

        assertEquals(List.of("3:raza", "4:raza"), where(result));
        assertEquals("raza is not UTF-8 text (found 'Ceb\uFFFD'): save the file from your spreadsheet as "
                + "\"CSV UTF-8\" and upload it again.", result.errors().get(0).message());
    }

    @Test
    void broken_quoting_stops_the_reading_with_a_plain_message() {
        CsvParseResult result = parse("arete;raza;sexo\nCO-1;\"Normando\"x;macho\nCO-2;Cebú;hembra\n");

        assertEquals(List.of(new CsvError(2, null, "malformed_csv", "This line is not valid CSV: a value that starts with '\"' "
                + "must end with '\"' right before the separator.")), result.errors());
    }

    @Test
    void unclosed_quote_is_reported_without_java_jargon() {
        CsvParseResult result = parse("arete;raza;sexo\nCO-1;Normando;macho\nCO-2;\"Cebú;hembra\nCO-3;x;macho\n");

        assertEquals(List.of(new CsvError(3, null, "malformed_csv",
                "A quoted value is never closed: a '\"' is missing on this line or after it.")), result.errors());
    }
}
