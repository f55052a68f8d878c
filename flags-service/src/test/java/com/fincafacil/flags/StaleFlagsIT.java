package com.fincafacil.flags;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;

import static com.fincafacil.flags.FlagApi.as;
import static com.fincafacil.flags.FlagApi.createPhase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class StaleFlagsIT {

    @Inject
    DataSource dataSource;

    @Test
    void flags_at_0_or_100_percent_unchanged_for_n_days_are_reported() throws Exception {
        createPhase("FASE_STALE_FULL", 100);
        createPhase("FASE_STALE_OFF", 0);
        createPhase("FASE_STALE_HALF", 50);
        createPhase("FASE_STALE_RECENT", 100);
        backdate(40, "FASE_STALE_FULL", "FASE_STALE_OFF", "FASE_STALE_HALF");
        as("viewer").queryParam("days", 30).when().get("/api/v1/reports/stale-flags").then().statusCode(200)
                .body("days", equalTo(30))
                .body("flags.key", hasItem("FASE_STALE_FULL"))
                .body("flags.key", hasItem("FASE_STALE_OFF"))
                .body("flags.key", not(hasItem("FASE_STALE_HALF")))
                .body("flags.key", not(hasItem("FASE_STALE_RECENT")));
        as("viewer").queryParam("days", 60).when().get("/api/v1/reports/stale-flags").then().statusCode(200)
                .body("flags.key", not(hasItem("FASE_STALE_FULL")));
    }

    @Test
    void days_below_one_are_refused_naming_the_parameter() {
        as("viewer").queryParam("days", 0).when().get("/api/v1/reports/stale-flags").then().statusCode(400)
                .body("errors.field", hasItem("days"));
    }

    private void backdate(int days, String... keys) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE flags SET updated_at = now() - make_interval(days => ?) WHERE key = ?")) {
            for (String key : keys) {
                s.setInt(1, days);
                s.setString(2, key);
                s.executeUpdate();
            }
        }
    }
}
