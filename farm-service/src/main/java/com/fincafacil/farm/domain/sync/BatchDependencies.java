package com.fincafacil.farm.domain.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which operations of an offline batch cannot be applied because an earlier one was refused. An
 * operation depends on every earlier operation of the batch on the same animal, known by its id
 * or its ear tag (a birth is about its dam and its calf): the phone recorded them in that order,
 * so applying a later one without the earlier one would write a history the farmer did not.
 * Operations on other animals go on.
 */
public final class BatchDependencies {

    /** Animal key (an id or an ear tag) → the refused operation that taints it. */
    private final Map<String, String> refusedBy = new HashMap<>();

    /** The refused operation {@code animals} depend on, if any. */
    public Optional<String> refusedBefore(Collection<String> animals) {
        return animals.stream().filter(Objects::nonNull).map(refusedBy::get).filter(Objects::nonNull).findFirst();
    }

    /** Marks the animals an operation was about as depending on its refusal. */
    public void refused(String operationId, Collection<String> animals) {
        animals.stream().filter(Objects::nonNull).forEach(animal -> refusedBy.putIfAbsent(animal, operationId));
    }
}
