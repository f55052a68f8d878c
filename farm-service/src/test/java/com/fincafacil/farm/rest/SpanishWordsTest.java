package com.fincafacil.farm.rest;

import com.fincafacil.testing.MessageBundles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No farm-app problem is left without Spanish words: every documented code, every English message. */
class SpanishWordsTest {

    /** Worded by their status' title and their reasons' messages. */
    private static final Set<String> WORDED_BY_STATUS = Set.of("invalid_input");

    @Test
    void every_documented_problem_code_has_spanish_words() throws IOException {
        Set<String> spanish = MessageBundles.keys("messages/problems_es.properties", "messages/farm-service_es.properties");
        String doc = Files.readString(Path.of("../docs/farm-api.md"));
        String table = doc.substring(doc.indexOf("**Problem codes.**"), doc.indexOf("**Limits**"));
        List<String> unworded = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| ([^|]+) \\| \\d{3} \\|").matcher(table);
        int codes = 0;
        while (row.find()) {
            Matcher code = Pattern.compile("`([a-z_]+)`").matcher(row.group(1));
            while (code.find()) {
                codes++;
                String c = code.group(1);
                if (!WORDED_BY_STATUS.contains(c) && spanish.stream().noneMatch(k -> k.equals(c) || k.startsWith(c + "."))) {
                    unworded.add(c);
                }
            }
        }
        assertTrue(codes > 40, "the codes table was read: " + codes);
        assertEquals(List.of(), unworded);
    }

    @Test
    void every_english_message_has_its_spanish_one() {
        for (String bundle : List.of("messages/problems", "messages/farm-service")) {
            assertEquals(Set.of(), MessageBundles.withoutSpanish(bundle), bundle);
        }
    }
}
