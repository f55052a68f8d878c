package com.fincafacil.flags.service;

import com.fincafacil.flags.domain.AlertFlag;
import com.fincafacil.flags.domain.AlertFlagEvaluator;
import com.fincafacil.flags.domain.Evaluation;
import com.fincafacil.flags.domain.EvaluationContext;
import com.fincafacil.flags.domain.Flag;
import com.fincafacil.flags.domain.PhaseFlag;
import com.fincafacil.flags.domain.PhaseFlagEvaluator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evaluates flags against the in-memory snapshot: no I/O on the hot path. */
@ApplicationScoped
public class FlagEvaluationService {

    private final FlagStore store;
    private final PhaseFlagEvaluator phases = new PhaseFlagEvaluator();
    private final AlertFlagEvaluator alerts = new AlertFlagEvaluator();

    public FlagEvaluationService(FlagStore store) {
        this.store = store;
    }

    /** All flags for one context, with the snapshot revision they were computed from. */
    public record BulkEvaluation(String revision, List<Evaluation> evaluations) {
    }

    public Optional<Evaluation> evaluate(String key, EvaluationContext context) {
        return store.current().flags().find(key).map(flag -> evaluate(flag, context));
    }

    public BulkEvaluation evaluateAll(EvaluationContext context) {
        FlagSnapshot snapshot = store.current();
        List<Evaluation> out = new ArrayList<>(snapshot.flags().fases().size() + snapshot.flags().alertas().size());
        snapshot.flags().fases().values().forEach(flag -> out.add(phases.evaluate(flag, context)));
        snapshot.flags().alertas().values().forEach(flag -> out.add(alerts.evaluate(flag, context)));
        return new BulkEvaluation(snapshot.revision(), out);
    }

    /** The revision the next bulk evaluation would be computed from. */
    public String revision() {
        return store.current().revision();
    }

    private Evaluation evaluate(Flag flag, EvaluationContext context) {
        return flag instanceof PhaseFlag phase ? phases.evaluate(phase, context) : alerts.evaluate((AlertFlag) flag, context);
    }
}
