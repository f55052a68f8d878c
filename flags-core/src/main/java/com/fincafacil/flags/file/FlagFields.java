package com.fincafacil.flags.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.SemVer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of one flag object, adding a {@link FileError} for each problem instead of
 * stopping, so the codec can report a whole file at once. A null result means "see the errors".
 * Optional fields may be absent or JSON null.
 */
final class FlagFields {

    private final JsonNode node;
    private final String path;
    private final List<FileError> errors;
    private final int errorsBefore;

    FlagFields(JsonNode node, String path, List<FileError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
        this.errorsBefore = errors.size();
    }

    boolean hasErrors() {
        return errors.size() > errorsBefore;
    }

    void rejectUnknown(List<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                error(name, "unknown_field", "unknown field; a flag here has only " + String.join(", ", allowed));
            }
        });
    }

    Boolean requiredBoolean(String field) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            return error(field, "wrong_type", "must be true or false");
        }
        return value.booleanValue();
    }

    Integer requiredPercentage(String field) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()
                || value.intValue() < 0 || value.intValue() > 100) {
            return error(field, "out_of_range", "must be a whole number from 0 to 100 (was " + value + ")");
        }
        return value.intValue();
    }

    DeploymentLevel requiredLevel(String field) {
        JsonNode value = required(field);
        return value == null ? null : level(value, field);
    }

    /** A list of distinct levels, in the file's order; every bad element is reported. */
    List<DeploymentLevel> requiredLevels(String field) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            return error(field, "wrong_type", "must be a list of levels (" + DeploymentLevel.allWireNames() + ")");
        }
        int errorsBeforeList = errors.size();
        List<DeploymentLevel> levels = new ArrayList<>();
        Set<DeploymentLevel> seen = EnumSet.noneOf(DeploymentLevel.class);
        for (int i = 0; i < value.size(); i++) {
            String element = field + "[" + i + "]";
            DeploymentLevel level = level(value.get(i), element);
            if (level != null && !seen.add(level)) {
                error(element, "duplicate_level", "level " + level + " is listed twice");
            } else if (level != null) {
                levels.add(level);
            }
        }
        return errors.size() > errorsBeforeList ? null : levels;
    }

    Optional<SemVer> optionalVersion(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Optional<SemVer> version = value.isTextual() ? SemVer.parse(value.textValue()) : Optional.empty();
        if (version.isEmpty()) {
            error(field, "invalid_version", value + " is not a semantic version: write MAJOR.MINOR.PATCH, e.g. \"1.2.0\"");
        }
        return version;
    }

    Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            error(field, "wrong_type", "must be text");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private DeploymentLevel level(JsonNode value, String field) {
        Optional<DeploymentLevel> level = value.isTextual()
                ? DeploymentLevel.parse(value.textValue()) : Optional.empty();
        if (level.isEmpty()) {
            return error(field, "unknown_level", "unknown level " + value + "; use one of " + DeploymentLevel.allWireNames());
        }
        return level.get();
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return error(field, "field_required", "required field is missing");
        }
        return value;
    }

    private <T> T error(String field, String code, String message) {
        errors.add(new FileError(path + "." + field, code, message));
        return null;
    }
}
