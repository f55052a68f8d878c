package com.fincafacil.flags.client;

import com.fincafacil.flags.domain.AlertFlagEvaluator;
import com.fincafacil.flags.domain.Evaluation;
import com.fincafacil.flags.domain.EvaluationContext;
import com.fincafacil.flags.domain.FlagSet;
import com.fincafacil.flags.domain.PhaseFlagEvaluator;
import com.fincafacil.flags.file.FlagFileCodec;
import com.fincafacil.flags.file.FlagFileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The flag file's answers, for contexts flags-service never answered while it is unreachable. The
 * file is read once, on first need, and evaluated with the same flags-core rules flags-service uses.
 */
final class FileDefaults {

    private static final String PREFIX = "flags-service is unreachable; flag file default: ";

    /** Exactly one of the two is set. */
    private record Loaded(FlagSet flags, String problem) {
    }

    private final Path file;
    private final PhaseFlagEvaluator phases = new PhaseFlagEvaluator();
    private final AlertFlagEvaluator alerts = new AlertFlagEvaluator();
    private volatile Loaded loaded;

    FileDefaults(Path file) {
        this.file = file;
    }

    /** Empty when the file could not be read; {@link #problem()} then says why. */
    List<String> keys() {
        FlagSet flags = load().flags();
        if (flags == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(flags.fases().keySet());
        keys.addAll(flags.alertas().keySet());
        return keys;
    }

    /** Why the file gives no defaults, or null when it does. */
    String problem() {
        return load().problem();
    }

    /** Phase flags then alert flags, in file order, as flags-service orders its bulk answer. */
    AnswerSet answersFor(EvaluationContext context) {
        Loaded current = load();
        if (current.flags() == null) {
            return AnswerSet.unavailable(List.of(), FlagAnswer.RULE_NO_DEFAULTS,
                    "flags-service is unreachable and " + current.problem(), AnswerSource.FILE_DEFAULT);
        }
        List<FlagAnswer> answers = new ArrayList<>();
        current.flags().fases().values().forEach(flag -> answers.add(fallback(phases.evaluate(flag, context))));
        current.flags().alertas().values().forEach(flag -> answers.add(fallback(alerts.evaluate(flag, context))));
        return AnswerSet.of(answers, AnswerSource.FILE_DEFAULT);
    }

    private static FlagAnswer fallback(Evaluation evaluation) {
        return new FlagAnswer(evaluation.flagKey(), evaluation.value(), FlagAnswer.REASON_DEFAULT,
                FlagAnswer.RULE_DEFAULT, PREFIX + evaluation.detail(), AnswerSource.FILE_DEFAULT);
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = read();
                }
                current = loaded;
            }
        }
        return current;
    }

    private Loaded read() {
        try {
            return new Loaded(new FlagFileCodec().parse(Files.readString(file, StandardCharsets.UTF_8)), null);
        } catch (IOException e) {
            return new Loaded(null, "the flag file " + file.toAbsolutePath() + " could not be read");
        } catch (FlagFileException e) {
            return new Loaded(null, "the flag file " + file.toAbsolutePath() + " is invalid: " + e.getMessage());
        }
    }
}
