package com.fincafacil.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Reads a service's problem message bundles, so a test can hold each English message to its Spanish one. */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** Every key of the given classpath resources ({@code messages/problems_es.properties}…). */
    public static Set<String> keys(String... resources) {
        Set<String> keys = new TreeSet<>();
        for (String resource : resources) {
            Properties words = new Properties();
            try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no resource " + resource);
                }
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            keys.addAll(words.stringPropertyNames());
        }
        return keys;
    }

    /** The keys of {@code bundle}'s English (root) messages that its Spanish bundle lacks. */
    public static Set<String> withoutSpanish(String bundle) {
        Set<String> english = keys(bundle + ".properties");
        english.removeAll(keys(bundle + "_es.properties"));
        return english;
    }
}
