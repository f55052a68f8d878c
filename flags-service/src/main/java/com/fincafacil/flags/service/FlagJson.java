package com.fincafacil.flags.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.flags.domain.AlertFlag;
import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.Flag;
import com.fincafacil.flags.domain.PhaseFlag;

/** One flag's definition as a JSON object with the seed file's keys and order. */
public final class FlagJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FlagJson() {
    }

    public static ObjectNode of(Flag flag) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("habilitado", flag.habilitado());
        if (flag instanceof PhaseFlag phase) {
            var levels = node.putArray("niveles");
            phase.niveles().stream().map(DeploymentLevel::wireName).forEach(levels::add);
            node.put("porcentaje_rollout", phase.porcentajeRollout());
            if (phase.versionMinima() != null) {
                node.put("version_minima", phase.versionMinima().toString());
            }
            if (phase.notas() != null) {
                node.put("notas", phase.notas());
            }
        } else if (flag instanceof AlertFlag alert) {
            node.put("nivel_minimo", alert.nivelMinimo().wireName());
        }
        return node;
    }

    public static String text(Flag flag) {
        return flag == null ? null : of(flag).toString();
    }
}
