package com.fincafacil.flags.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertTypesTest {

    @Test
    void a_type_tries_its_own_flag_then_each_lower_type() {
        assertEquals(List.of("ALERTA_ALTA", "ALERTA_MEDIA", "ALERTA_BAJA"), AlertTypes.candidateKeys("ALTA"));
        assertEquals(List.of("ALERTA_CRITICA", "ALERTA_ALTA", "ALERTA_MEDIA", "ALERTA_BAJA"),
                AlertTypes.candidateKeys("CRITICA"));
        assertEquals(List.of("ALERTA_BAJA"), AlertTypes.candidateKeys("BAJA"));
    }

    @Test
    void an_unknown_type_only_has_its_own_flag_and_a_missing_type_has_none() {
        assertEquals(List.of("ALERTA_URGENTE"), AlertTypes.candidateKeys("urgente"));
        assertEquals(List.of(), AlertTypes.candidateKeys(null));
        assertEquals(List.of(), AlertTypes.candidateKeys(" "));
    }
}
