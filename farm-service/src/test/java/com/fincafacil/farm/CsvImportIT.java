package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class CsvImportIT {

    private static final String VALID = """
            arete;especie;raza;sexo;fecha_nacimiento;arete_madre;peso_kg;estado
            CO-0001;bovino;Brahman;hembra;2021-05-10;;452,5;activo
            CO-0003;;Cebú;hembra;2025-08-19;CO-0001;98,25;
            CO-0002;bufalino;Murrah;macho;2024-11-02;;380;
            """;

    @Test
    void a_valid_file_is_imported_in_one_go_with_dams_linked() {
        FarmApi.Finca finca = FarmApi.finca("CSV Valido", "produccion_controlada");
        finca.app().contentType("text/csv; charset=UTF-8").body(VALID).when().post(finca.path("/imports/animals")).then().statusCode(200)
                .body("rows", equalTo(3)).body("imported", equalTo(3)).body("skipped", equalTo(0)).body("sha256", notNullValue());
        String damId = finca.app().queryParam("earTag", "CO-0001").when().get(finca.path("/animals")).then()
                .body("", hasSize(1)).extract().path("[0].id");
        finca.app().queryParam("earTag", "CO-0003").when().get(finca.path("/animals")).then()
                .body("[0].damId", equalTo(damId)).body("[0].weightKg", equalTo(98.25f)).body("[0].breed", equalTo("Cebú"));
    }

    @Test
    void uploading_the_same_file_again_creates_no_duplicates() {
        FarmApi.Finca finca = FarmApi.finca("CSV Dos Veces", "produccion_controlada");
        finca.app().contentType("text/csv; charset=UTF-8").body(VALID).when().post(finca.path("/imports/animals")).then().statusCode(200)
                .body("alreadyImportedAt", nullValue()).body("note", nullValue());
        finca.app().contentType("text/csv; charset=UTF-8").body(VALID).when().post(finca.path("/imports/animals")).then().statusCode(200)
                .body("imported", equalTo(0)).body("skipped", equalTo(3));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(3));
    }

    @Test
    void the_same_file_again_is_answered_with_the_date_of_its_first_import() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("CSV Fecha", "produccion_controlada");
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        String first = finca.app().contentType("text/csv; charset=UTF-8").body(VALID).when().post(finca.path("/imports/animals"))
                .then().statusCode(200).extract().path("importId");
        OffsetDateTime after = OffsetDateTime.now().plusSeconds(1);
        Thread.sleep(1500); // so that the second import's own time cannot pass for the first's
        var second = finca.app().contentType("text/csv; charset=UTF-8").body(VALID).when().post(finca.path("/imports/animals"))
                .then().statusCode(200).body("importId", not(equalTo(first))).extract();
        OffsetDateTime seen = OffsetDateTime.parse(second.path("alreadyImportedAt"));
        assertTrue(seen.isAfter(before) && seen.isBefore(after), seen + " not between " + before + " and " + after);
        String day = seen.atZoneSameInstant(ZoneId.of("America/Bogota")).toLocalDate().toString();
        String note = second.path("note");
        assertTrue(note.startsWith("This exact file was already imported on " + day), note);
        // another file, even with the same animals in another order, is new
        String reordered = VALID.lines().limit(1).collect(Collectors.joining("\n")) + "\n"
                + VALID.lines().skip(1).sorted().collect(Collectors.joining("\n")) + "\n";
        finca.app().contentType("text/csv; charset=UTF-8").body(reordered).when().post(finca.path("/imports/animals"))
                .then().statusCode(200).body("alreadyImportedAt", nullValue());
    }

    @Test
    void a_request_of_another_media_type_is_told_what_the_import_accepts() {
        FarmApi.Finca finca = FarmApi.finca("CSV Tipo", "produccion_controlada");
        finca.app().body("{\"arete\": \"CO-1\"}").when().post(finca.path("/imports/animals")).then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("text/csv")).body("detail", not(containsString("application/json")));
    }

    @Test
    void a_file_with_one_bad_row_imports_nothing_and_names_line_and_column() {
        FarmApi.Finca finca = FarmApi.finca("CSV Malo", "produccion_controlada");
        String bad = """
                arete,sexo,peso_kg
                A-1,macho,300
                A-2,macho,2500
                A-3,hembra,280
                """;
        finca.app().contentType("text/csv; charset=UTF-8").body(bad).when().post(finca.path("/imports/animals")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].field", equalTo("peso_kg"));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(0));
    }

    @Test
    void every_bad_row_is_listed() {
        FarmApi.Finca finca = FarmApi.finca("CSV Muy Malo", "produccion_controlada");
        String bad = "arete;sexo;fecha_nacimiento\nB 1;macho;2020-01-01\nB-2;toro;2020-01-01\nB-3;hembra;2999-01-01\n";
        finca.app().contentType("text/csv; charset=UTF-8").body(bad).when().post(finca.path("/imports/animals")).then().statusCode(400)
                .body("errors.line", contains(2, 3, 4))
                .body("errors.field", contains("arete", "sexo", "fecha_nacimiento"))
                .body("errors.code", contains("invalid_ear_tag", "unknown_value", "date_in_future"))
                .body("code", equalTo("invalid_input"));
    }

    @Test
    void a_dam_that_the_finca_does_not_have_is_422() {
        FarmApi.Finca finca = FarmApi.finca("CSV Madre", "produccion_controlada");
        finca.animal("TORO-CSV", "macho");
        String file = "arete;sexo;arete_madre\nC-1;hembra;NADIE-1\nC-2;hembra;TORO-CSV\n";
        finca.app().contentType("text/csv; charset=UTF-8").body(file).when().post(finca.path("/imports/animals")).then().statusCode(422)
                .body("errors.line", contains(2, 3)).body("errors.field", contains("arete_madre", "arete_madre"))
                .body("errors.code", contains("dam_not_found", "dam_not_female"));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(1));
    }
}
