package com.fincafacil.flags.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.Evaluation;
import com.fincafacil.flags.domain.EvaluationContext;
import com.fincafacil.flags.domain.Reason;
import com.fincafacil.flags.domain.SemVer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfrepBulkAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_streamed_answer_is_the_json_the_mapped_answer_was_even_for_awkward_text() throws Exception {
        List<Evaluation> evaluations = List.of(
                new Evaluation("FASE_1", true, Reason.TARGETING_MATCH, "all_conditions", "Every condition holds."),
                new Evaluation("FASE_\"2\"", false, Reason.SPLIT, "porcentaje_rollout", "Bucket 97 \\ is not below 75 % — ñandú \u0000 \uD83D\uDC04"),
                new Evaluation("ALERTA", false, Reason.DISABLED, "habilitado", "line\nbreak\ttab"));
        JsonNode streamed = JSON.readTree(OfrepBulkAnswer.flags(evaluations).getBytes());
        JsonNode mapped = JSON.valueToTree(Map.of("flags", evaluations.stream().map(OfrepResource::success).toList()));
        assertEquals(mapped, streamed);
    }

    @Test
    void no_flags_is_an_empty_list() throws Exception {
        assertEquals(JSON.readTree("{\"flags\":[]}"), JSON.readTree(OfrepBulkAnswer.flags(List.of()).getBytes()));
    }

    @Test
    void the_error_body_has_the_ofrep_shape() throws Exception {
        JsonNode error = JSON.readTree(OfrepBulkAnswer.error("PARSE_ERROR", "The request body is not \"JSON\".").getBytes());
        assertEquals(JSON.readTree("{\"errorCode\":\"PARSE_ERROR\",\"errorDetails\":\"The request body is not \\\"JSON\\\".\"}"), error);
    }

    @Test
    void the_etag_is_the_same_as_before_the_route_moved_and_follows_revision_and_context() {
        EvaluationContext context = new EvaluationContext("finca-1", DeploymentLevel.parse("produccion_abierta").orElseThrow(),
                SemVer.parse("1.2.0").orElseThrow());
        String hash = Integer.toHexString(("finca-1|produccion_abierta|1.2.0").hashCode());
        // clients keep ETags across a deployment: the formula must not change with the route
        assertEquals("\"abc-" + hash + "\"", OfrepBulkAnswer.etag("abc", context));
        assertFalse(OfrepBulkAnswer.etag("abc", context).equals(OfrepBulkAnswer.etag("abd", context)));
        EvaluationContext noVersion = new EvaluationContext("finca-1", context.level(), null);
        assertTrue(!OfrepBulkAnswer.etag("abc", context).equals(OfrepBulkAnswer.etag("abc", noVersion)));
    }
}
