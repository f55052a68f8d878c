package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
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
        finca.app().contentType("text/csv; charset=UTF-8").body(VALID).when().post(finca.path("/imports/animals")).then().statusCode(200);
        finca.app().contentType("text/csv; charset=UTF-8").body(VALID).when().post(finca.path("/imports/animals")).then().statusCode(200)
                .body("imported", equalTo(0)).body("skipped", equalTo(3));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(3));
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
                .body("errors.field", contains("arete", "sexo", "fecha_nacimiento"));
    }

    @Test
    void a_dam_that_the_finca_does_not_have_is_422() {
        FarmApi.Finca finca = FarmApi.finca("CSV Madre", "produccion_controlada");
        finca.animal("TORO-CSV", "macho");
        String file = "arete;sexo;arete_madre\nC-1;hembra;NADIE-1\nC-2;hembra;TORO-CSV\n";
        finca.app().contentType("text/csv; charset=UTF-8").body(file).when().post(finca.path("/imports/animals")).then().statusCode(422)
                .body("errors.line", contains(2, 3)).body("errors.field", contains("arete_madre", "arete_madre"));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(1));
    }
}
