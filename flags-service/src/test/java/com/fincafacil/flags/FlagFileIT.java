package com.fincafacil.flags;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.fincafacil.flags.FlagApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class FlagFileIT {

    private static final Path SEED = Path.of("../config/feature_flags.json");

    @Test
    void the_seed_file_survives_import_and_export_whitespace_aside() throws Exception {
        String seed = Files.readString(SEED);
        as("admin").queryParam("reason", "reset to the seed").body(seed)
                .when().put("/api/v1/flag-file").then().statusCode(200);
        String exported = as("viewer").when().get("/api/v1/flag-file").then().statusCode(200).extract().asString();
        assertEquals(seed.replaceAll("\\s", ""), exported.replaceAll("\\s", ""));
    }

    @Test
    void a_file_with_errors_is_rejected_whole_listing_every_error_and_nothing_changes() throws Exception {
        as("admin").queryParam("reason", "reset to the seed").body(Files.readString(SEED))
                .when().put("/api/v1/flag-file").then().statusCode(200);
        String before = as("viewer").when().get("/api/v1/flag-file").then().extract().asString();
        String bad = """
                {
                  "FASES": {
                    "FASE_8_DATA_QUALITY": {"habilitado": false, "niveles": ["piloto", "marte"], "porcentaje_rollout": 140, "version_minima": "1.x"},
                    "FASE_8_DATA_QUALITY": {"habilitado": true, "niveles": ["piloto"], "porcentaje_rollout": 10, "version_minima": "1.0.0"}
                  },
                  "ALERTAS": {"ALERTA_BAJA": {"habilitado": true, "nivel_minimo": "galaxia"}}
                }""";
        as("admin").queryParam("reason", "bad file").body(bad).when().put("/api/v1/flag-file").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing was imported"))
                .body("errors.field", hasItems("ALERTAS.ALERTA_BAJA.nivel_minimo"))
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("duplicate")))
                .body("errors.code", org.hamcrest.Matchers.hasItem("duplicate_key"));
        String after = as("viewer").when().get("/api/v1/flag-file").then().extract().asString();
        assertEquals(before, after);
    }

    @Test
    void import_reports_what_it_created_updated_and_deleted() throws Exception {
        String seed = Files.readString(SEED);
        as("admin").queryParam("reason", "reset").body(seed).when().put("/api/v1/flag-file").then().statusCode(200);
        String changed = seed.replace("\"porcentaje_rollout\": 75", "\"porcentaje_rollout\": 80");
        as("admin").queryParam("reason", "raise observability").body(changed).when().put("/api/v1/flag-file").then()
                .statusCode(200).body("updated", org.hamcrest.Matchers.contains("FASE_9_OBSERVABILITY"))
                .body("unchanged", equalTo(5));
        as("admin").queryParam("reason", "reset").body(seed).when().put("/api/v1/flag-file").then().statusCode(200);
    }
}
