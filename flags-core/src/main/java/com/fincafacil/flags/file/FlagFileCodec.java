package com.fincafacil.flags.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.flags.domain.AlertFlag;
import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.FlagKeys;
import com.fincafacil.flags.domain.FlagSet;
import com.fincafacil.flags.domain.PhaseFlag;
import com.fincafacil.flags.domain.SemVer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes config/feature_flags.json in the seed's format, Spanish keys included.
 * A file is accepted whole or refused with every problem listed; export writes the seed's layout.
 * Plain Java and stateless after construction, so one instance can be shared across threads;
 * services that want it as a bean produce it themselves (flags-core carries no CDI).
 */
public class FlagFileCodec {

    /** The section of phase (module) flags. */
    public static final String FASES = "FASES";
    /** The section of alert-level flags. */
    public static final String ALERTAS = "ALERTAS";
    private static final Set<String> SECTIONS = Set.of(FASES, ALERTAS);
    private static final List<String> PHASE_FIELDS =
            List.of("habilitado", "niveles", "porcentaje_rollout", "version_minima", "notas");
    private static final List<String> ALERT_FIELDS = List.of("habilitado", "nivel_minimo");

    // our own plain mapper: the file format must not change with the application's Jackson settings
    private final ObjectMapper mapper = new ObjectMapper();
    private final DuplicateKeyScanner scanner = new DuplicateKeyScanner(mapper.getFactory());

    /** @throws FlagFileException listing every problem when the file is not a valid flag file */
    public FlagSet parse(String json) {
        DuplicateKeyScanner.Result scan = scanner.scan(json == null ? "" : json);
        List<FileError> errors = new ArrayList<>(scan.duplicates());
        if (!scan.wellFormed()) {
            errors.add(scan.syntaxError());
            throw new FlagFileException(errors);
        }
        JsonNode root = readTree(json);
        if (!root.isObject()) {
            errors.add(new FileError(FileError.ROOT, "wrong_type", "the file must be a JSON object with FASES and ALERTAS"));
            throw new FlagFileException(errors);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!SECTIONS.contains(name)) {
                errors.add(new FileError(name, "unknown_field", "unknown section; the file has only FASES and ALERTAS"));
            }
        });
        Map<String, PhaseFlag> fases = section(root, FASES, errors,
                (key, node, path) -> readPhase(key, node, path, errors));
        Map<String, AlertFlag> alertas = section(root, ALERTAS, errors,
                (key, node, path) -> readAlert(key, node, path, errors));
        // checked on the raw keys, so a clash is reported even when one of the two flags has errors
        Set<String> phaseKeys = keysOf(root.get(FASES));
        keysOf(root.get(ALERTAS)).stream().filter(phaseKeys::contains).forEach(key ->
                errors.add(new FileError(ALERTAS + "." + key, "duplicate_key", "this key is already used by a flag under FASES")));
        if (!errors.isEmpty()) {
            throw new FlagFileException(errors);
        }
        return new FlagSet(fases, alertas);
    }

    /** The seed's layout: 2-space indent, one field per line, niveles on one line, trailing newline. */
    public String export(FlagSet flags) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  ").append(quote(FASES)).append(": ");
        writeObject(out, flags.fases().values().stream()
                .map(flag -> entry(flag.key(), phaseFields(flag))).toList(), "  ");
        out.append(",\n  ").append(quote(ALERTAS)).append(": ");
        writeObject(out, flags.alertas().values().stream()
                .map(flag -> entry(flag.key(), alertFields(flag))).toList(), "  ");
        return out.append("\n}\n").toString();
    }

    // ---- reading

    @FunctionalInterface
    private interface FlagReader<F> {
        Optional<F> read(String key, JsonNode node, String path);
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // the scanner already read this text without error
            throw new IllegalStateException("flag file became unreadable after a clean scan", e);
        }
    }

    private static <F> Map<String, F> section(JsonNode root, String name, List<FileError> errors,
                                              FlagReader<F> reader) {
        Map<String, F> flags = new LinkedHashMap<>();
        JsonNode section = root.get(name);
        if (section == null || !section.isObject()) {
            errors.add(new FileError(name, section == null ? "field_required" : "wrong_type", section == null
                    ? "required section is missing" : "must be an object of flags by key"));
            return flags;
        }
        for (Map.Entry<String, JsonNode> entry : section.properties()) {
            String path = name + "." + entry.getKey();
            if (entry.getKey().length() > FlagKeys.MAX_LENGTH) {
                errors.add(new FileError(name + "." + entry.getKey().substring(0, 20) + "…", "invalid_flag_key",
                        "flag key must be at most " + FlagKeys.MAX_LENGTH + " characters"));
            } else if (!FlagKeys.isValid(entry.getKey())) {
                errors.add(new FileError(path, "invalid_flag_key", "flag key must be upper-case letters, digits and underscores, "
                        + "starting with a letter (" + FlagKeys.PATTERN.pattern() + ")"));
            } else if (!entry.getValue().isObject()) {
                errors.add(new FileError(path, "wrong_type", "a flag must be an object"));
            } else {
                reader.read(entry.getKey(), entry.getValue(), path)
                        .ifPresent(flag -> flags.put(entry.getKey(), flag));
            }
        }
        return flags;
    }

    private static Set<String> keysOf(JsonNode section) {
        Set<String> keys = new LinkedHashSet<>();
        if (section != null && section.isObject()) {
            section.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    private static Optional<PhaseFlag> readPhase(String key, JsonNode node, String path, List<FileError> errors) {
        FlagFields fields = new FlagFields(node, path, errors);
        fields.rejectUnknown(PHASE_FIELDS);
        Boolean habilitado = fields.requiredBoolean("habilitado");
        List<DeploymentLevel> niveles = fields.requiredLevels("niveles");
        Integer percentage = fields.requiredPercentage("porcentaje_rollout");
        Optional<SemVer> versionMinima = fields.optionalVersion("version_minima");
        Optional<String> notas = fields.optionalText("notas");
        if (fields.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new PhaseFlag(key, habilitado, niveles, percentage,
                versionMinima.orElse(null), notas.orElse(null)));
    }

    private static Optional<AlertFlag> readAlert(String key, JsonNode node, String path, List<FileError> errors) {
        FlagFields fields = new FlagFields(node, path, errors);
        fields.rejectUnknown(ALERT_FIELDS);
        Boolean habilitado = fields.requiredBoolean("habilitado");
        DeploymentLevel nivelMinimo = fields.requiredLevel("nivel_minimo");
        if (fields.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new AlertFlag(key, habilitado, nivelMinimo));
    }

    // ---- writing

    private record Entry(String key, String renderedValue) {
    }

    private static Entry entry(String key, List<Entry> fields) {
        StringBuilder value = new StringBuilder();
        writeObject(value, fields, "    ");
        return new Entry(key, value.toString());
    }

    private static List<Entry> phaseFields(PhaseFlag flag) {
        List<Entry> fields = new ArrayList<>();
        fields.add(new Entry("habilitado", String.valueOf(flag.habilitado())));
        fields.add(new Entry("niveles", flag.niveles().stream()
                .map(level -> quote(level.wireName())).collect(Collectors.joining(", ", "[", "]"))));
        fields.add(new Entry("porcentaje_rollout", String.valueOf(flag.porcentajeRollout())));
        if (flag.versionMinima() != null) {
            fields.add(new Entry("version_minima", quote(flag.versionMinima().toString())));
        }
        if (flag.notas() != null) {
            fields.add(new Entry("notas", quote(flag.notas())));
        }
        return fields;
    }

    private static List<Entry> alertFields(AlertFlag flag) {
        return List.of(new Entry("habilitado", String.valueOf(flag.habilitado())),
                new Entry("nivel_minimo", quote(flag.nivelMinimo().wireName())));
    }

    /** Writes {...} whose entries sit one indent deeper than {@code indent}; {} when empty. */
    private static void writeObject(StringBuilder out, List<Entry> entries, String indent) {
        if (entries.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            out.append(indent).append("  ").append(quote(entry.key())).append(": ").append(entry.renderedValue());
            out.append(i < entries.size() - 1 ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        JsonStringEncoder.getInstance().quoteAsString(text, quoted);
        return quoted.append('"').toString();
    }
}
