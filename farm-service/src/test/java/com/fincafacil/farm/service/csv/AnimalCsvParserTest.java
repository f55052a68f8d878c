package com.fincafacil.farm.service.csv;

import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Kilograms;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Species;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files that import: formats, defaults, line numbers and the hash. */
class AnimalCsvParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private final AnimalCsvParser parser = new AnimalCsvParser();

    static CsvParseResult parse(String content) {
        return new AnimalCsvParser().parse(content.getBytes(StandardCharsets.UTF_8), TODAY);
    }

    @Test
    void semicolon_file_with_decimal_commas_imports_every_row() {
        CsvParseResult result = parse("""
                arete;especie;raza;sexo;fecha_nacimiento;arete_madre;peso_kg;estado
                CO-0001;bovino;Brahman;hembra;2021-05-10;;452,5;activo
                CO-0002;bufalino;Murrah;macho;2024-11-02;;1999,99;vendido
                co-0003;;;hembra;;CO-0001;38;
                """);

        assertEquals(List.of(), result.errors());
        assertEquals(3, result.dataRows());
        assertEquals(List.of(
                new AnimalRow(2, EarTag.of("CO-0001"), Species.BOVINO, "Brahman", Sex.HEMBRA,
                        LocalDate.of(2021, 5, 10), null, Kilograms.of("452.5"), AnimalStatus.ACTIVO),
                new AnimalRow(3, EarTag.of("CO-0002"), Species.BUFALINO, "Murrah", Sex.MACHO,
                        LocalDate.of(2024, 11, 2), null, Kilograms.of("1999.99"), AnimalStatus.VENDIDO),
                new AnimalRow(4, EarTag.of("CO-0003"), Species.BOVINO, null, Sex.HEMBRA,
                        null, EarTag.of("CO-0001"), Kilograms.of("38"), AnimalStatus.ACTIVO)),
                result.rows());
        assertEquals(Set.of(), result.damsOutsideFile());
    }

    @Test
    void comma_file_with_decimal_points_and_columns_in_any_order_and_case_imports() {
        CsvParseResult result = parse("""
                SEXO,Arete,Peso_KG
                macho,A17,310.25
                hembra,A18,
                """);

        assertTrue(result.isValid(), () -> result.errors().toString());
        assertEquals(List.of(
                new AnimalRow(2, EarTag.of("A17"), Species.BOVINO, null, Sex.MACHO, null, null,
                        Kilograms.of("310.25"), AnimalStatus.ACTIVO),
                new AnimalRow(3, EarTag.of("A18"), Species.BOVINO, null, Sex.HEMBRA, null, null,
                        null, AnimalStatus.ACTIVO)),
                result.rows());
    }

    @Test
    void byte_order_mark_is_not_part_of_the_first_column_name() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "arete;sexo\r\nCO-1;macho\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        CsvParseResult result = parser.parse(file, TODAY);

        assertTrue(result.isValid(), () -> result.errors().toString());
        assertEquals(EarTag.of("CO-1"), result.rows().get(0).earTag());
    }

    @Test
    void lines_are_physical_across_blank_lines_and_quoted_line_breaks() {
        CsvParseResult result = parse("arete;raza;sexo\n"
                + "CO-1;\"Cebú\ncruzado\";hembra\n"
                + "\n"
                + ";;\n"
                + "CO-2;Normando;macho\n");

        assertEquals(2, result.dataRows());
        assertEquals(List.of(2, 6), result.rows().stream().map(AnimalRow::line).toList());
        assertEquals("Cebú\ncruzado", result.rows().get(0).breed());
    }

    @Test
    void hash_is_the_sha256_of_the_file_bytes() throws NoSuchAlgorithmException {
        String content = "arete;sexo\nCO-1;macho\n";
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        assertEquals(expected, parser.parse(bytes, TODAY).sha256());
        assertEquals(expected, parse(content).sha256());
    }

    @Test
    void hash_covers_the_whole_file_even_when_reading_stops_early() throws NoSuchAlgorithmException {
        // broken CSV on line 2 stops the reading; 300 KB follow it, more than any reader buffers
        byte[] bytes = ("arete;sexo\nCO-1;\"macho\"x\n" + "CO-2;hembra\n".repeat(25_000))
                .getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(expected, parser.parse(bytes, TODAY).sha256());
    }

    @Test
    void dams_not_in_the_file_are_left_for_the_caller_to_find() {
        CsvParseResult result = parse("""
                arete;sexo;arete_madre
                CO-10;hembra;CO-900
                CO-11;macho;CO-12
                CO-12;hembra;co-900
                """);

        assertTrue(result.isValid(), () -> result.errors().toString());
        assertEquals(Set.of(EarTag.of("CO-900")), result.damsOutsideFile());
    }

    @Test
    void stream_is_read_to_its_end_and_left_open() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream("arete;sexo\nCO-1;macho\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                throw new AssertionError("the caller owns the stream");
            }
        };
        CsvParseResult result = parser.parse(in, TODAY);
        assertTrue(result.isValid());
        assertEquals(0, in.available());
    }

    @Test
    void the_documented_example_files_import() throws IOException {
        String doc = Files.readString(Path.of("../docs/farm-csv-import.md"));
        Matcher examples = Pattern.compile("```csv\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<Integer> rowsPerExample = new ArrayList<>();
        while (examples.find()) {
            CsvParseResult result = parse(examples.group(1));
            assertTrue(result.isValid(), () -> result.errors().toString());
            rowsPerExample.add(result.rows().size());
        }
        assertEquals(List.of(3, 2), rowsPerExample);
    }

    @Test
    void a_hundred_thousand_rows_are_read_in_one_pass() {
        StringBuilder file = new StringBuilder("arete;sexo;fecha_nacimiento;peso_kg\n");
        for (int i = 1; i <= 100_000; i++) {
            file.append("CO-").append(i).append(i % 2 == 0 ? ";hembra;" : ";macho;")
                    .append("2024-01-15;").append(200 + i % 300).append(",5\n");
        }

        CsvParseResult result = parse(file.toString());

        assertTrue(result.isValid(), () -> result.errors().subList(0, 3).toString());
        assertEquals(100_000, result.rows().size());
        AnimalRow last = result.rows().get(99_999);
        assertEquals(100_001, last.line());
        assertEquals(EarTag.of("CO-100000"), last.earTag());
        assertNull(last.damEarTag());
    }
}
