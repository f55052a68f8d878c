package com.fincafacil.farm.domain.quality;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One data-quality finding. Ids say which animals it touches (they decide the score); ear tags
 * are what a farmer recognises.
 */
public record Issue(String rule, List<UUID> animalIds, List<String> earTags, String message) {

    public Issue {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        animalIds = List.copyOf(animalIds);
        earTags = List.copyOf(earTags);
    }
}
