package com.fincafacil.farm.domain;

import com.fincafacil.flags.domain.DeploymentLevel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireEnumsTest {

    @Test
    void wire_names_are_lowercase_spanish() {
        assertEquals("bufalino", Species.BUFALINO.wireName());
        assertEquals("hembra", Sex.HEMBRA.wireName());
        assertEquals("vendido", AnimalStatus.VENDIDO.wireName());
        assertEquals("produccion_controlada", DeploymentLevel.PRODUCCION_CONTROLADA.wireName());
    }

    @Test
    void parse_ignores_case_spaces_and_accents() {
        assertEquals(Optional.of(Species.BUFALINO), Species.parse(" Búfalino "));
        assertEquals(Optional.of(Sex.MACHO), Sex.parse("MACHO"));
        assertEquals(Optional.of(AnimalStatus.MUERTO), AnimalStatus.parse("Muerto"));
        assertEquals(Optional.of(DeploymentLevel.PRODUCCION_ABIERTA), WireNames.deploymentLevel("producción_abierta"));
        assertEquals(Optional.of(AlertType.CRITICA), AlertType.parse("CRÍTICA"));
    }

    @Test
    void unknown_or_missing_names_parse_to_empty() {
        assertTrue(Species.parse("vaca").isEmpty());
        assertTrue(Sex.parse("m").isEmpty());
        assertTrue(AnimalStatus.parse(null).isEmpty());
        assertTrue(WireNames.deploymentLevel("produccion").isEmpty());
        assertTrue(AlertType.parse("").isEmpty());
    }

    @Test
    void defaults_are_bovino_and_activo() {
        assertEquals(Species.BOVINO, Species.DEFAULT);
        assertEquals(AnimalStatus.ACTIVO, AnimalStatus.DEFAULT);
    }

    @ParameterizedTest
    @CsvSource({"BAJA, 0.65, ALERTA_BAJA", "MEDIA, 0.75, ALERTA_MEDIA", "ALTA, 0.85, ALERTA_ALTA",
            "CRITICA, 0.95, ALERTA_CRITICA"})
    void alert_types_carry_the_seeds_backfill_confidence_and_flag_key(AlertType type, double confidence, String flag) {
        assertEquals(confidence, type.defaultConfidence());
        assertEquals(flag, type.flagKey());
    }

    @Test
    void alert_types_are_ordered_by_severity() {
        assertTrue(AlertType.CRITICA.isAtLeast(AlertType.ALTA));
        assertTrue(AlertType.ALTA.isAtLeast(AlertType.MEDIA));
        assertTrue(AlertType.MEDIA.isAtLeast(AlertType.BAJA));
        assertFalse(AlertType.BAJA.isAtLeast(AlertType.MEDIA));
    }
}
