package com.fincafacil.flags.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.fincafacil.flags.domain.DeploymentLevel.PILOTO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FlagSetTest {

    private final PhaseFlag fase = new PhaseFlag("FASE_8_DATA_QUALITY", true, List.of(PILOTO), 100, null, null);
    private final AlertFlag alerta = new AlertFlag("ALERTA_BAJA", true, PILOTO);

    @Test
    void find_looks_in_both_sections() {
        FlagSet flags = FlagSet.of(List.of(fase), List.of(alerta));

        assertEquals(Optional.of(fase), flags.find("FASE_8_DATA_QUALITY"));
        assertEquals(Optional.of(alerta), flags.find("ALERTA_BAJA"));
        assertEquals(Optional.empty(), flags.find("FASE_99"));
        assertEquals(Optional.empty(), flags.findAlert("FASE_8_DATA_QUALITY"));
    }

    @Test
    void flags_keep_the_order_they_were_given_in() {
        List<PhaseFlag> fases = List.of("FASE_9", "FASE_10", "FASE_1", "FASE_37").stream()
                .map(key -> new PhaseFlag(key, true, List.of(PILOTO), 0, null, null)).toList();

        FlagSet flags = FlagSet.of(fases, List.of());

        assertEquals(List.of("FASE_9", "FASE_10", "FASE_1", "FASE_37"), List.copyOf(flags.fases().keySet()));
    }

    @Test
    void a_key_names_one_flag_only() {
        AlertFlag clash = new AlertFlag("FASE_8_DATA_QUALITY", true, PILOTO);

        assertThrows(IllegalArgumentException.class, () -> FlagSet.of(List.of(fase), List.of(clash)));
        assertThrows(IllegalArgumentException.class, () -> FlagSet.of(List.of(fase, fase), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FlagSet(Map.of("OTRA", fase), Map.of()));
    }

    @Test
    void flag_invariants_hold_whoever_builds_the_flag() {
        assertThrows(IllegalArgumentException.class, () -> fase.withPorcentajeRollout(101));
        assertThrows(IllegalArgumentException.class, () -> fase.withPorcentajeRollout(-1));
        assertThrows(IllegalArgumentException.class,
                () -> new PhaseFlag("fase_8", true, List.of(PILOTO), 10, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new PhaseFlag("FASE_8", true, List.of(PILOTO, PILOTO), 10, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new EvaluationContext(" ", PILOTO, null));
    }
}
