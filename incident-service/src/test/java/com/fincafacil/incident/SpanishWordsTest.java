package com.fincafacil.incident;

import com.fincafacil.testing.MessageBundles;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An operator who asks in Spanish gets every incident-service refusal in Spanish. */
class SpanishWordsTest {

    @Test
    void every_english_message_has_its_spanish_one() {
        assertEquals(Set.of(), MessageBundles.withoutSpanish("messages/incident-service"));
    }
}
