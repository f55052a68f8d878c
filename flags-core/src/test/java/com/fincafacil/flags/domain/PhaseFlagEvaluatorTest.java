package com.fincafacil.flags.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.fincafacil.flags.domain.DeploymentLevel.PILOTO;
import static com.fincafacil.flags.domain.DeploymentLevel.PRODUCCION_ABIERTA;
import static com.fincafacil.flags.domain.DeploymentLevel.PRODUCCION_CONTROLADA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhaseFlagEvaluatorTest {

    private static final String KEY = "FASE_9_OBSERVABILITY";
    /** Bucket 2 for KEY (see BucketingTest): inside a 30 % rollout. */
    private static final String FINCA_IN = "finca-3";
    /** Bucket exactly 30 for KEY: the first finca outside a 30 % rollout. */
    private static final String FINCA_AT_BOUNDARY = "Hacienda El Paraíso";

    private final PhaseFlagEvaluator evaluator = new PhaseFlagEvaluator();

    private static PhaseFlag flag(boolean habilitado, int percentage) {
        return new PhaseFlag(KEY, habilitado, List.of(PRODUCCION_CONTROLADA, PRODUCCION_ABIERTA), percentage,
                SemVer.of("1.2.0"), null);
    }

    private static EvaluationContext ctx(String finca, DeploymentLevel level, String appVersion) {
        return new EvaluationContext(finca, level, appVersion == null ? null : SemVer.of(appVersion));
    }

    /**
     * Every combination of habilitado × level in/out of niveles × app version below/equal/above
     * version_minima 1.2.0 or missing × rollout 0/30/100 × a finca inside/at the edge of 30 %.
     * Rows follow the decision table in docs/flags-evaluation.md (written out, not computed by this code).
     * "1.10.0" is above "1.2.0": versions compare by number, not as text.
     */
    @ParameterizedTest(name = "habilitado={0} level={1} app={2} pct={3} finca={4} -> {5} {6} {7}")
    @CsvSource(textBlock = """
            true , produccion_controlada, 1.1.9 ,   0, finca-3            , false, TARGETING_MATCH, version_minima
            true , produccion_controlada, 1.1.9 ,   0, Hacienda El Paraíso, false, TARGETING_MATCH, version_minima
            true , produccion_controlada, 1.1.9 ,  30, finca-3            , false, TARGETING_MATCH, version_minima
            true , produccion_controlada, 1.1.9 ,  30, Hacienda El Paraíso, false, TARGETING_MATCH, version_minima
            true , produccion_controlada, 1.1.9 , 100, finca-3            , false, TARGETING_MATCH, version_minima
            true , produccion_controlada, 1.1.9 , 100, Hacienda El Paraíso, false, TARGETING_MATCH, version_minima
            true , produccion_controlada, 1.2.0 ,   0, finca-3            , false, SPLIT          , porcentaje_rollout
            true , produccion_controlada, 1.2.0 ,   0, Hacienda El Paraíso, false, SPLIT          , porcentaje_rollout
            true , produccion_controlada, 1.2.0 ,  30, finca-3            , true , SPLIT          , porcentaje_rollout
            true , produccion_controlada, 1.2.0 ,  30, Hacienda El Paraíso, false, SPLIT          , porcentaje_rollout
            true , produccion_controlada, 1.2.0 , 100, finca-3            , true , TARGETING_MATCH, all_conditions
            true , produccion_controlada, 1.2.0 , 100, Hacienda El Paraíso, true , TARGETING_MATCH, all_conditions
            true , produccion_controlada, 1.10.0,   0, finca-3            , false, SPLIT          , porcentaje_rollout
            true , produccion_controlada, 1.10.0,   0, Hacienda El Paraíso, false, SPLIT          , porcentaje_rollout
            true , produccion_controlada, 1.10.0,  30, finca-3            , true , SPLIT          , porcentaje_rollout
            true , produccion_controlada, 1.10.0,  30, Hacienda El Paraíso, false, SPLIT          , porcentaje_rollout
            true , produccion_controlada, 1.10.0, 100, finca-3            , true , TARGETING_MATCH, all_conditions
            true , produccion_controlada, 1.10.0, 100, Hacienda El Paraíso, true , TARGETING_MATCH, all_conditions
            true , produccion_controlada,       ,   0, finca-3            , false, TARGETING_MATCH, version_minima
            true , produccion_controlada,       ,   0, Hacienda El Paraíso, false, TARGETING_MATCH, version_minima
            true , produccion_controlada,       ,  30, finca-3            , false, TARGETING_MATCH, version_minima
            true , produccion_controlada,       ,  30, Hacienda El Paraíso, false, TARGETING_MATCH, version_minima
            true , produccion_controlada,       , 100, finca-3            , false, TARGETING_MATCH, version_minima
            true , produccion_controlada,       , 100, Hacienda El Paraíso, false, TARGETING_MATCH, version_minima
            true , piloto               , 1.1.9 ,   0, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               , 1.1.9 ,   0, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               , 1.1.9 ,  30, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               , 1.1.9 ,  30, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               , 1.1.9 , 100, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               , 1.1.9 , 100, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               , 1.2.0 ,   0, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               , 1.2.0 ,   0, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               , 1.2.0 ,  30, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               , 1.2.0 ,  30, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               , 1.2.0 , 100, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               , 1.2.0 , 100, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               , 1.10.0,   0, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               , 1.10.0,   0, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               , 1.10.0,  30, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               , 1.10.0,  30, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               , 1.10.0, 100, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               , 1.10.0, 100, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               ,       ,   0, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               ,       ,   0, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               ,       ,  30, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               ,       ,  30, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            true , piloto               ,       , 100, finca-3            , false, TARGETING_MATCH, niveles
            true , piloto               ,       , 100, Hacienda El Paraíso, false, TARGETING_MATCH, niveles
            false, produccion_controlada, 1.1.9 ,   0, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada, 1.1.9 ,   0, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada, 1.1.9 ,  30, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada, 1.1.9 ,  30, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada, 1.1.9 , 100, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada, 1.1.9 , 100, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada, 1.2.0 ,   0, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada, 1.2.0 ,   0, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada, 1.2.0 ,  30, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada, 1.2.0 ,  30, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada, 1.2.0 , 100, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada, 1.2.0 , 100, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada, 1.10.0,   0, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada, 1.10.0,   0, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada, 1.10.0,  30, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada, 1.10.0,  30, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada, 1.10.0, 100, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada, 1.10.0, 100, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada,       ,   0, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada,       ,   0, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada,       ,  30, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada,       ,  30, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, produccion_controlada,       , 100, finca-3            , false, DISABLED       , habilitado
            false, produccion_controlada,       , 100, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               , 1.1.9 ,   0, finca-3            , false, DISABLED       , habilitado
            false, piloto               , 1.1.9 ,   0, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               , 1.1.9 ,  30, finca-3            , false, DISABLED       , habilitado
            false, piloto               , 1.1.9 ,  30, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               , 1.1.9 , 100, finca-3            , false, DISABLED       , habilitado
            false, piloto               , 1.1.9 , 100, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               , 1.2.0 ,   0, finca-3            , false, DISABLED       , habilitado
            false, piloto               , 1.2.0 ,   0, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               , 1.2.0 ,  30, finca-3            , false, DISABLED       , habilitado
            false, piloto               , 1.2.0 ,  30, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               , 1.2.0 , 100, finca-3            , false, DISABLED       , habilitado
            false, piloto               , 1.2.0 , 100, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               , 1.10.0,   0, finca-3            , false, DISABLED       , habilitado
            false, piloto               , 1.10.0,   0, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               , 1.10.0,  30, finca-3            , false, DISABLED       , habilitado
            false, piloto               , 1.10.0,  30, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               , 1.10.0, 100, finca-3            , false, DISABLED       , habilitado
            false, piloto               , 1.10.0, 100, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               ,       ,   0, finca-3            , false, DISABLED       , habilitado
            false, piloto               ,       ,   0, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               ,       ,  30, finca-3            , false, DISABLED       , habilitado
            false, piloto               ,       ,  30, Hacienda El Paraíso, false, DISABLED       , habilitado
            false, piloto               ,       , 100, finca-3            , false, DISABLED       , habilitado
            false, piloto               ,       , 100, Hacienda El Paraíso, false, DISABLED       , habilitado
            """)
    void phase_flag_answer_follows_the_rules_in_order(boolean habilitado, String level, String appVersion,
                                                      int percentage, String finca, boolean value,
                                                      Reason reason, String rule) {
        Evaluation evaluation = evaluator.evaluate(flag(habilitado, percentage),
                ctx(finca, DeploymentLevel.parse(level).orElseThrow(), appVersion));

        assertEquals(value, evaluation.value());
        assertEquals(reason, evaluation.reason());
        assertEquals(rule, evaluation.rule());
        assertEquals(KEY, evaluation.flagKey());
        assertFalse(evaluation.detail().isBlank());
    }

    @Test
    void split_detail_names_the_bucket_that_decided() {
        Evaluation in = evaluator.evaluate(flag(true, 30), ctx(FINCA_IN, PRODUCCION_CONTROLADA, "1.2.0"));
        Evaluation out = evaluator.evaluate(flag(true, 30), ctx(FINCA_AT_BOUNDARY, PRODUCCION_CONTROLADA, "1.2.0"));

        assertEquals("Bucket 2 is below the 30 % rollout.", in.detail());
        assertEquals("Bucket 30 is not below the 30 % rollout.", out.detail());
    }

    @Test
    void same_question_twice_gets_the_same_answer() {
        EvaluationContext ctx = ctx("finca-77", PRODUCCION_ABIERTA, "1.3.0");
        PhaseFlag half = flag(true, 50);

        assertEquals(evaluator.evaluate(half, ctx), evaluator.evaluate(half, ctx));
        assertEquals(evaluator.evaluate(half, ctx), new PhaseFlagEvaluator().evaluate(half, ctx));
    }

    @Test
    void pre_release_of_the_minimum_version_is_below_it() {
        Evaluation evaluation = evaluator.evaluate(flag(true, 100), ctx(FINCA_IN, PRODUCCION_CONTROLADA, "1.2.0-rc.1"));

        assertFalse(evaluation.value());
        assertEquals(MinimumVersionRule.NAME, evaluation.rule());
        assertEquals("App version 1.2.0-rc.1 is below the minimum 1.2.0.", evaluation.detail());
    }

    @Test
    void flag_without_minimum_version_ignores_the_app_version() {
        PhaseFlag noMinimum = new PhaseFlag(KEY, true, List.of(PILOTO), 100, null, null);

        assertTrue(evaluator.evaluate(noMinimum, ctx(FINCA_IN, PILOTO, null)).value());
        assertTrue(evaluator.evaluate(noMinimum, ctx(FINCA_IN, PILOTO, "0.0.1")).value());
    }

    @Test
    void a_level_not_listed_is_off_even_when_it_is_higher_than_the_listed_ones() {
        PhaseFlag pilotOnly = new PhaseFlag(KEY, true, List.of(PILOTO), 100, null, null);

        Evaluation evaluation = evaluator.evaluate(pilotOnly, ctx(FINCA_IN, PRODUCCION_ABIERTA, null));

        assertFalse(evaluation.value());
        assertEquals(LevelRule.NAME, evaluation.rule());
    }

    @Test
    void rules_run_in_the_documented_order() {
        List<Class<?>> order = PhaseRule.allInOrder().stream().<Class<?>>map(Object::getClass).toList();

        assertEquals(List.of(EnabledRule.class, LevelRule.class, MinimumVersionRule.class, RolloutRule.class), order);
    }

    @Test
    void when_no_rule_decides_the_flag_is_on() {
        PhaseFlagEvaluator levelsOnly = new PhaseFlagEvaluator(List.of(new LevelRule()));

        Evaluation evaluation = levelsOnly.evaluate(flag(true, 0), ctx(FINCA_IN, PRODUCCION_CONTROLADA, null));

        assertTrue(evaluation.value());
        assertEquals(RolloutRule.ALL_CONDITIONS, evaluation.rule());
    }
}
