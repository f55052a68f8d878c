package com.fincafacil.farm.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value that breaks a domain rule. {@code field} is the English JSON field name the REST layer
 * reports in its 400; {@code code} is the stable code whose words (in each language) live in the
 * message bundles, and {@code facts} the values those words name (today's date, the allowed
 * values). The message is the English predicate ("must be more than 0 and less than 2000 kg"),
 * kept as the English wording where the bundle has none.
 */
public final class InvalidValueException extends RuntimeException {

    public static final String REQUIRED = "field_required";

    private final String field;
    private final String code;
    private final Map<String, Object> facts;

    /** {@code facts}: name-value pairs the message names. */
    public InvalidValueException(String field, String code, String message, Object... facts) {
        // no stack trace: a 100,000-row CSV import may raise one per row, and none is a bug
        super(message, null, false, false);
        this.field = field;
        this.code = code;
        this.facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < facts.length; i += 2) {
            this.facts.put((String) facts[i], facts[i + 1]);
        }
    }

    public InvalidValueException(String field, String message) {
        this(field, "is required".equals(message) ? REQUIRED : "invalid_value", message);
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    /** The facts the message names, and the English sentence under {@code detail}, for a message under {@code name}. */
    public Map<String, Object> facts(String name) {
        Map<String, Object> all = new LinkedHashMap<>(facts);
        all.put("detail", name + " " + getMessage());
        // the rule's own field picks its wording even when a CSV column names it
        all.putIfAbsent("variant", field);
        return all;
    }
}
