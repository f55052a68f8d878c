package com.fincafacil.flags.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.fincafacil.flags.domain.DeploymentLevel.PRODUCCION_ABIERTA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketingTest {

    private static final int FINCAS = 20_000;

    /**
     * The published vectors of docs/flags-evaluation.md, checked against an independent murmur3
     * written in Python. Two hashes are above 2^31, so a signed modulo would get them wrong;
     * the last id is non-ASCII, so a client that hashes UTF-16 or Latin-1 would get it wrong.
     */
    @ParameterizedTest(name = "{0}:{1} -> {2} -> bucket {3}")
    @CsvSource(delimiter = '|', textBlock = """
            FASE_9_OBSERVABILITY | finca-001                            |  142215397 | 97
            FASE_9_OBSERVABILITY | finca-002                            |  793155265 | 65
            FASE_8_DATA_QUALITY  | finca-001                            |   52172570 | 70
            FASE_37_BI_ANALYTICS | 5f0c6a1e-2b7d-4c1a-9e3f-0d8b7a6c5e41 | 3167133077 | 77
            FASE_9_OBSERVABILITY | Hacienda El Paraíso                  | 2238890030 | 30
            """)
    void bucket_matches_the_published_test_vectors(String flagKey, String fincaId, long hash, int bucket) {
        assertEquals(hash, Bucketing.unsignedHash(flagKey, fincaId));
        assertEquals(bucket, Bucketing.bucket(flagKey, fincaId));
    }

    /**
     * Sticky means the same bucket in every process that ever evaluates the flag (each flags-service
     * instance, each restart, each farm-service fallback), not twice in one JVM. So the buckets are
     * computed again in a fresh JVM whose default charset and identity hash differ from this one's:
     * a bucket that leaned on anything but the published hash of the UTF-8 bytes (String.hashCode
     * salting, identity hashes, Random, the platform charset) would disagree there.
     */
    @Test
    void bucket_is_sticky_across_processes_for_the_same_flag_and_finca() throws Exception {
        List<String> fincas = new ArrayList<>(fincaIds().subList(0, 1_000));
        fincas.addAll(List.of("Hacienda El Paraíso", "finca-ñandú-001", "FINCA-001"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=ISO-8859-1", "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2", "-cp", System.getProperty("java.class.path"),
                BucketPrinter.class.getName(), "FASE_9_OBSERVABILITY")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var stdin = new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            stdin.write(String.join("\n", fincas) + "\n");
        }
        List<String> theirs;
        try (var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            theirs = stdout.lines().toList();
        }
        assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the other JVM finished");
        assertEquals(0, child.exitValue());
        List<String> ours = fincas.stream().map(f -> String.valueOf(Bucketing.bucket("FASE_9_OBSERVABILITY", f))).toList();
        assertEquals(ours, theirs);
        assertTrue(ours.stream().distinct().count() > 50, "the fincas spread over the buckets: " + ours.stream().distinct().count());
    }

    /** Prints the bucket of each finca id read from stdin (UTF-8) for the flag given, one per line. */
    public static final class BucketPrinter {
        public static void main(String[] args) throws java.io.IOException {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            var out = new java.io.PrintStream(System.out, true, StandardCharsets.UTF_8);
            for (String finca = in.readLine(); finca != null; finca = in.readLine()) {
                out.println(Bucketing.bucket(args[0], finca));
            }
        }
    }

    @Test
    void every_bucket_is_between_0_and_99() {
        for (String finca : fincaIds()) {
            int bucket = Bucketing.bucket("FASE_37_BI_ANALYTICS", finca);
            assertTrue(bucket >= 0 && bucket < 100, finca + " -> " + bucket);
        }
    }

    @Test
    void rollout_only_adds_fincas_when_percentage_grows() {
        PhaseFlag flag = new PhaseFlag("FASE_9_OBSERVABILITY", true, List.of(PRODUCCION_ABIERTA), 0, null, null);
        PhaseFlagEvaluator evaluator = new PhaseFlagEvaluator();
        List<String> fincas = fincaIds();
        Set<String> before = Set.of();
        for (int percentage : new int[] {0, 1, 10, 25, 30, 50, 75, 99, 100}) {
            PhaseFlag step = flag.withPorcentajeRollout(percentage);
            Set<String> on = fincas.stream()
                    .filter(finca -> evaluator.evaluate(step, EvaluationContext.of(finca, PRODUCCION_ABIERTA)).value())
                    .collect(Collectors.toSet());

            assertTrue(on.containsAll(before), "a finca lost the flag when the rollout grew to " + percentage + " %");
            assertTrue(percentage == 0 || on.size() > before.size(), "nobody was added at " + percentage + " %");
            before = on;
        }
        assertEquals(FINCAS, before.size());
    }

    @Test
    void thirty_percent_rollout_reaches_thirty_percent_of_fincas_within_one_point() {
        for (String flagKey : List.of("FASE_8_DATA_QUALITY", "FASE_9_OBSERVABILITY", "FASE_37_BI_ANALYTICS")) {
            long on = fincaIds().stream().filter(finca -> Bucketing.bucket(flagKey, finca) < 30).count();

            assertTrue(on >= 5_800 && on <= 6_200, flagKey + ": " + on + " of " + FINCAS + " fincas");
        }
    }

    @Test
    void the_flag_key_salts_the_bucket_so_the_same_fincas_are_not_always_first() {
        List<String> fincas = fincaIds();
        long firstInBoth = fincas.stream()
                .filter(finca -> Bucketing.bucket("FASE_8_DATA_QUALITY", finca) < 10)
                .filter(finca -> Bucketing.bucket("FASE_9_OBSERVABILITY", finca) < 10)
                .count();

        // independent buckets put about 1 % of fincas in the first 10 % of both flags; the same hash would put 10 %
        assertTrue(firstInBoth < 400, firstInBoth + " fincas are in the first 10 % of both flags");
    }

    /** Finca ids shaped like the real ones (UUIDs), from a fixed seed so the test never flakes. */
    private static List<String> fincaIds() {
        Random random = new Random(18);
        List<String> ids = new ArrayList<>(FINCAS);
        for (int i = 0; i < FINCAS; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return ids;
    }
}
