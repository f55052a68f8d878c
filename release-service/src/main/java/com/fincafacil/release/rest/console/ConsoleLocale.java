package com.fincafacil.release.rest.console;

import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's language: the {@code ff_lang} cookie the switch sets, else the first of Spanish or
 * English that {@code Accept-Language} asks for, else Spanish (operators read Spanish first).
 * Texts come from the {@code console/messages} bundle, without falling back to the JVM's locale.
 */
final class ConsoleLocale {

    static final String COOKIE = "ff_lang";
    static final String SPANISH = "es";
    static final String ENGLISH = "en";

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, Map<String, String>> TEXTS = new ConcurrentHashMap<>();

    private ConsoleLocale() {
    }

    static String of(RoutingContext request) {
        io.vertx.core.http.Cookie chosen = request.request().getCookie(COOKIE);
        if (chosen != null && (SPANISH.equals(chosen.getValue()) || ENGLISH.equals(chosen.getValue()))) {
            return chosen.getValue();
        }
        for (io.vertx.ext.web.LanguageHeader language : request.acceptableLanguages()) {
            String tag = language.tag().toLowerCase(Locale.ROOT);
            if (tag.equals(SPANISH) || tag.equals(ENGLISH)) {
                return tag;
            }
        }
        return SPANISH;
    }

    /** Every text of the bundle in {@code language}; the Spanish base file holds every key. */
    static Map<String, String> texts(String language) {
        return TEXTS.computeIfAbsent(language, l -> {
            ResourceBundle bundle = ResourceBundle.getBundle("console.messages",
                    SPANISH.equals(l) ? Locale.ROOT : Locale.forLanguageTag(l), NO_FALLBACK);
            Map<String, String> texts = new java.util.HashMap<>();
            bundle.keySet().forEach(k -> texts.put(k, bundle.getString(k)));
            return Map.copyOf(texts);
        });
    }
}
