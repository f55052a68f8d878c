package com.fincafacil.farm;

import com.fincafacil.testing.TestPlatform;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seed's 001_add_confianza_ia as Flyway migration 2: history is backfilled by alert type. */
class ConfianzaMigrationIT {

    @Test
    void migration_2_backfills_confianza_ia_by_alert_type() throws Exception {
        var postgres = TestPlatform.shared().postgres();
        postgres.ensureDatabase("farm_backfill");
        String url = postgres.jdbcUrl("farm_backfill");
        Flyway.configure().dataSource(url, "postgres", "postgres").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO fincas VALUES ('00000000-0000-0000-0000-00000000000f', 'F', 'Meta', 'V', 'piloto', now(), now())");
            int i = 0;
            for (String type : new String[]{"CRITICA", "ALTA", "MEDIA", "BAJA"}) {
                s.execute("INSERT INTO alertas (id, finca_id, tipo_alerta, code, message, dedupe_key, created_at) VALUES ("
                        + "'00000000-0000-0000-0000-00000000000" + (++i) + "', '00000000-0000-0000-0000-00000000000f', '"
                        + type + "', 'X', 'm', 'k" + i + "', now())");
            }
        }
        Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();
        Map<String, Float> confidence = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tipo_alerta, confianza_ia FROM alertas")) {
            while (rs.next()) {
                confidence.put(rs.getString(1), rs.getFloat(2));
            }
        }
        assertEquals(Map.of("CRITICA", 0.95f, "ALTA", 0.85f, "MEDIA", 0.75f, "BAJA", 0.65f), confidence);
    }
}
