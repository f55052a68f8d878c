package com.fincafacil.bench;

import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.Evaluation;
import com.fincafacil.flags.domain.EvaluationContext;
import com.fincafacil.flags.domain.FlagSet;
import com.fincafacil.flags.domain.PhaseFlag;
import com.fincafacil.flags.domain.PhaseFlagEvaluator;
import com.fincafacil.flags.domain.SemVer;
import com.fincafacil.flags.file.FlagFileCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * In-process evaluation of one phase flag for one finca, the work behind every OFREP answer:
 * the partial-rollout flag (murmur3 bucket), and a full rollout for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FlagEvaluationBenchmark {

    private final PhaseFlagEvaluator evaluator = new PhaseFlagEvaluator();
    private PhaseFlag partialRollout;
    private PhaseFlag fullRollout;
    private EvaluationContext context;
    private int finca;

    @Setup
    public void setUp() throws Exception {
        FlagSet seed = new FlagFileCodec().parse(Files.readString(Path.of(System.getProperty("flags.file", "config/feature_flags.json"))));
        partialRollout = seed.findPhase("FASE_9_OBSERVABILITY").orElseThrow();
        fullRollout = seed.findPhase("FASE_8_DATA_QUALITY").orElseThrow();
        context = new EvaluationContext("finca-000001", DeploymentLevel.PRODUCCION_ABIERTA, SemVer.of("1.2.0"));
    }

    @Benchmark
    public Evaluation partialRolloutSameFinca() {
        return evaluator.evaluate(partialRollout, context);
    }

    @Benchmark
    public Evaluation partialRolloutNewFincaEachTime() {
        finca++;
        return evaluator.evaluate(partialRollout,
                new EvaluationContext("finca-" + finca, DeploymentLevel.PRODUCCION_ABIERTA, context.appVersion()));
    }

    @Benchmark
    public Evaluation fullRollout() {
        return evaluator.evaluate(fullRollout, context);
    }
}
