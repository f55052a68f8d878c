package com.fincafacil.flags.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.fincafacil.flags.domain.DeploymentLevel.PILOTO;
import static com.fincafacil.flags.domain.DeploymentLevel.PRODUCCION_ABIERTA;
import static com.fincafacil.flags.domain.DeploymentLevel.PRODUCCION_CONTROLADA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentLevelTest {

    @Test
    void levels_are_ordered_piloto_then_controlada_then_abierta() {
        List<DeploymentLevel> sorted = Stream.of(PRODUCCION_ABIERTA, PILOTO, PRODUCCION_CONTROLADA).sorted().toList();

        assertEquals(List.of(PILOTO, PRODUCCION_CONTROLADA, PRODUCCION_ABIERTA), sorted);
        assertTrue(PRODUCCION_ABIERTA.isAtLeast(PRODUCCION_CONTROLADA));
        assertTrue(PRODUCCION_CONTROLADA.isAtLeast(PRODUCCION_CONTROLADA));
        assertFalse(PILOTO.isAtLeast(PRODUCCION_CONTROLADA));
    }

    @Test
    void wire_names_round_trip() {
        for (DeploymentLevel level : DeploymentLevel.values()) {
            assertEquals(Optional.of(level), DeploymentLevel.parse(level.wireName()));
        }
        assertEquals("produccion_controlada", PRODUCCION_CONTROLADA.wireName());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Piloto", "PILOTO", " piloto", "pilot", "produccion abierta", "producción_abierta"})
    void only_exact_lowercase_wire_names_parse(String text) {
        assertEquals(Optional.empty(), DeploymentLevel.parse(text));
    }
}
