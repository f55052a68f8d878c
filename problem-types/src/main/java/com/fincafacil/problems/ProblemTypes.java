package com.fincafacil.problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one definition of a problem's {@code type}: {@code https://fincafacil.co/problems/<code>},
 * and of the members of a problem+json body built without Jackson (the local platform's launcher).
 */
public final class ProblemTypes {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://fincafacil.co/problems/";

    private ProblemTypes() {
    }

    /** The type URI of {@code code} ({@code ear_tag_taken} → {@code https://fincafacil.co/problems/ear_tag_taken}). */
    public static String uri(String code) {
        return BASE + code;
    }

    /** The code a type URI names, or null when it is not one of ours or names only a status ({@code …/problems/404}). */
    public static String codeOf(String type) {
        if (type == null || !type.startsWith(BASE)) {
            return null;
        }
        String tail = type.substring(BASE.length());
        return tail.isEmpty() || tail.chars().allMatch(Character::isDigit) ? null : tail;
    }

    /** A problem's members in RFC 9457 order; {@code field} is left out when null. Add any extension member after. */
    public static Map<String, Object> body(int status, String code, String title, String detail, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", uri(code));
        body.put("title", title);
        body.put("status", status);
        body.put("code", code);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }
}
