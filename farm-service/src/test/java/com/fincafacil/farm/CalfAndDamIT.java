package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** A calf is born after its dam: registration and import refuse the opposite, data quality flags what is stored. */
@QuarkusTest
class CalfAndDamIT {

    @Inject
    DataSource dataSource;

    private static String cow(FarmApi.Finca finca, String earTag, String born) {
        return finca.app().body(Map.of("earTag", earTag, "sex", "hembra", "birthDate", born))
                .when().post(finca.path("/animals")).then().statusCode(201).extract().path("id");
    }

    @Test
    void registering_a_calf_born_before_its_dam_is_a_422_naming_birthDate_and_writes_nothing() {
        FarmApi.Finca finca = FarmApi.finca("Madre Joven", "piloto");
        cow(finca, "DAM-1", "2021-05-10");
        for (String born : new String[] {"2020-01-01", "2021-05-10"}) {
            finca.app().body(Map.of("earTag", "CALF-1", "sex", "macho", "birthDate", born, "damEarTag", "DAM-1"))
                    .when().post(finca.path("/animals")).then().statusCode(422)
                    .contentType("application/problem+json").body("field", equalTo("birthDate"))
                    .body("detail", containsString("10/05/2021"));
        }
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(1));
        finca.app().body(Map.of("earTag", "CALF-1", "sex", "macho", "birthDate", "2023-02-01", "damEarTag", "DAM-1"))
                .when().post(finca.path("/animals")).then().statusCode(201);
    }

    @Test
    void importing_a_calf_born_before_a_dam_of_the_finca_is_a_422_on_its_line_and_imports_nothing() {
        FarmApi.Finca finca = FarmApi.finca("Madre CSV", "produccion_controlada");
        cow(finca, "DAM-1", "2021-05-10");
        String file = """
                arete;sexo;fecha_nacimiento;arete_madre
                CO-0001;hembra;2022-01-01;DAM-1
                CO-0002;macho;2019-03-03;DAM-1
                """;
        finca.app().contentType("text/csv").body(file).when().post(finca.path("/imports/animals")).then().statusCode(422)
                .body("errors", hasSize(1)).body("errors[0].line", equalTo(3))
                .body("errors[0].field", equalTo("fecha_nacimiento"));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(1));
    }

    @Test
    void a_stored_calf_born_before_its_dam_is_flagged_by_data_quality() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Calidad Madre", "piloto");
        String dam = cow(finca, "DAM-1", "2019-05-10");
        finca.app().body(Map.of("earTag", "CALF-1", "sex", "macho", "birthDate", "2021-02-01", "damEarTag", "DAM-1"))
                .when().post(finca.path("/animals")).then().statusCode(201);
        finca.app().when().get(finca.path("/data-quality")).then().statusCode(200)
                .body("countsByRule.CALF_BORN_BEFORE_DAM", equalTo(0));
        // data written before registration checked dates (or by hand) can still hold the contradiction
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE animals SET birth_date = ? WHERE id = ?")) {
            update.setDate(1, Date.valueOf(LocalDate.of(2022, 1, 1)));
            update.setObject(2, UUID.fromString(dam));
            update.executeUpdate();
        }
        finca.app().when().get(finca.path("/data-quality")).then().statusCode(200)
                .body("countsByRule.CALF_BORN_BEFORE_DAM", equalTo(1))
                .body("issues.find { it.rule == 'CALF_BORN_BEFORE_DAM' }.earTags", equalTo(java.util.List.of("CALF-1", "DAM-1")))
                .body("issues.rule", hasItem("CALF_BORN_BEFORE_DAM"));
    }
}
