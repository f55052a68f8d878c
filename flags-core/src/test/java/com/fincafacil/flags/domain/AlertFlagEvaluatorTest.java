package com.fincafacil.flags.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertFlagEvaluatorTest {

    private final AlertFlagEvaluator evaluator = new AlertFlagEvaluator();

    @ParameterizedTest(name = "habilitado={0} nivel_minimo={1} finca level={2} -> {3} {4} {5}")
    @CsvSource(textBlock = """
            # habilitado, nivel_minimo,        finca level,           value, reason,          rule
            true,  piloto,                produccion_abierta,    true,  TARGETING_MATCH, nivel_minimo
            true,  piloto,                produccion_controlada, true,  TARGETING_MATCH, nivel_minimo
            true,  piloto,                piloto,                true,  TARGETING_MATCH, nivel_minimo
            true,  produccion_controlada, produccion_abierta,    true,  TARGETING_MATCH, nivel_minimo
            true,  produccion_controlada, produccion_controlada, true,  TARGETING_MATCH, nivel_minimo
            true,  produccion_controlada, piloto,                false, TARGETING_MATCH, nivel_minimo
            true,  produccion_abierta,    produccion_abierta,    true,  TARGETING_MATCH, nivel_minimo
            true,  produccion_abierta,    produccion_controlada, false, TARGETING_MATCH, nivel_minimo
            true,  produccion_abierta,    piloto,                false, TARGETING_MATCH, nivel_minimo
            false, piloto,                produccion_abierta,    false, DISABLED,        habilitado
            false, piloto,                piloto,                false, DISABLED,        habilitado
            false, produccion_controlada, produccion_abierta,    false, DISABLED,        habilitado
            false, produccion_abierta,    piloto,                false, DISABLED,        habilitado
            """)
    void alert_level_is_on_when_enabled_and_the_finca_reaches_the_minimum_level(
            boolean habilitado, String nivelMinimo, String level, boolean value, Reason reason, String rule) {
        AlertFlag flag = new AlertFlag("ALERTA_MEDIA", habilitado, DeploymentLevel.parse(nivelMinimo).orElseThrow());

        Evaluation evaluation = evaluator.evaluate(flag, DeploymentLevel.parse(level).orElseThrow());

        assertEquals(value, evaluation.value());
        assertEquals(reason, evaluation.reason());
        assertEquals(rule, evaluation.rule());
        assertEquals("ALERTA_MEDIA", evaluation.flagKey());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            piloto,                Level piloto is below the minimum level produccion_controlada.
            produccion_abierta,    Level produccion_abierta reaches the minimum level produccion_controlada.
            """)
    void detail_says_how_the_finca_level_compares_to_the_minimum(String level, String detail) {
        AlertFlag media = new AlertFlag("ALERTA_MEDIA", true, DeploymentLevel.PRODUCCION_CONTROLADA);

        EvaluationContext ctx = EvaluationContext.of("finca-1", DeploymentLevel.parse(level).orElseThrow());

        assertEquals(detail, evaluator.evaluate(media, ctx).detail());
    }
}
