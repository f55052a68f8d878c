package com.fincafacil.commons.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of every problem, from message bundles ({@code messages/problems} for all services,
 * {@code messages/<service>} for one service's codes), in the language the caller asked for:
 * {@code Accept-Language} picks Spanish (Colombia) or English. Without a choice, farm-app routes
 * answer in Spanish (farmers use them) and the rest in English (operators' tools parse nothing,
 * but their logs and runbooks are English).
 */
@ApplicationScoped
public class ProblemTexts {

    public static final Locale SPANISH = Locale.forLanguageTag("es-CO");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> SPOKEN = List.of(SPANISH, ENGLISH);
    private static final Pattern FACT = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /** How a farmer in Colombia writes a date: 28/11/2026. */
    private static final DateTimeFormatter SPANISH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final List<String> bundles;
    private final List<String> spanishFirstPaths;

    public ProblemTexts(@ConfigProperty(name = "quarkus.application.name") String service,
                        @ConfigProperty(name = "fincafacil.problems.spanish-first-paths") Optional<List<String>> spanishFirstPaths) {
        this.bundles = List.of("messages/" + service, "messages/problems");
        this.spanishFirstPaths = spanishFirstPaths.orElse(List.of());
    }

    /** The language of the answer to this request. */
    public Locale languageOf(HttpServerRequest request) {
        String asked = request == null ? null : request.getHeader("Accept-Language");
        if (asked != null && !asked.isBlank()) {
            try {
                Locale chosen = Locale.lookup(Locale.LanguageRange.parse(asked), SPOKEN);
                if (chosen == null) {
                    // "es-MX" or "es" alone: any Spanish gets Colombian Spanish, any English English
                    chosen = Locale.filter(Locale.LanguageRange.parse(asked), SPOKEN).stream().findFirst()
                            .orElse(byLanguage(asked));
                }
                if (chosen != null) {
                    return chosen;
                }
            } catch (IllegalArgumentException unreadable) {
                // a malformed header chooses nothing; the route's default applies
            }
        }
        String path = request == null ? "" : request.path();
        return spanishFirstPaths.stream().anyMatch(path::startsWith) ? SPANISH : ENGLISH;
    }

    private static Locale byLanguage(String asked) {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(asked)) {
            String language = range.getRange().split("-")[0];
            for (Locale spoken : SPOKEN) {
                if (spoken.getLanguage().equals(language) && range.getWeight() > 0) {
                    return spoken;
                }
            }
        }
        return null;
    }

    /**
     * The text under the first key found whose facts are all known, filled in; empty when there is
     * none (the caller keeps its own words rather than show a hole).
     */
    public Optional<String> text(Locale language, Map<String, ?> facts, String... keys) {
        for (String key : keys) {
            for (String base : bundles) {
                Optional<String> filled = lookup(base, language, key).map(template -> fill(template, language, facts));
                if (filled.isPresent()) {
                    return filled;
                }
            }
        }
        return Optional.empty();
    }

    /** A field's name as the caller's language says it ({@code date} → {@code fecha}); the name itself when none. */
    public String fieldLabel(Locale language, String field) {
        if (field == null) {
            return "";
        }
        // "calf.earTag" → the label of "earTag" for the calf; list elements keep their index
        return text(language, Map.of(), "field." + field, "field." + field.replaceAll("^.*\\.", "")).orElse(field);
    }

    private static Optional<String> lookup(String base, Locale language, String key) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(base, language, ProblemTexts.class.getClassLoader(), NO_FALLBACK);
            return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
        } catch (MissingResourceException noBundle) {
            return Optional.empty();
        }
    }

    private static String fill(String template, Locale language, Map<String, ?> facts) {
        Matcher m = FACT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = facts.get(m.group(1));
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(format(value, language)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String format(Object value, Locale language) {
        if (value instanceof LocalDate date) {
            return language.getLanguage().equals("es") ? SPANISH_DATE.format(date) : date.toString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> format(v, language)).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
