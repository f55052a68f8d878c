package com.fincafacil.farm.domain.sync;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchDependenciesTest {

    @Test
    void an_operation_on_an_animal_refused_earlier_names_the_first_refusal() {
        BatchDependencies batch = new BatchDependencies();
        batch.refused("op-1", List.of("id:a", "tag:CO-1"));
        batch.refused("op-2", List.of("tag:CO-1"));
        assertEquals(Optional.of("op-1"), batch.refusedBefore(List.of("tag:CO-1")));
        assertEquals(Optional.of("op-1"), batch.refusedBefore(Arrays.asList(null, "id:a")));
    }

    @Test
    void operations_on_other_animals_do_not_depend_on_a_refusal() {
        BatchDependencies batch = new BatchDependencies();
        batch.refused("op-1", Arrays.asList("id:a", null));
        assertEquals(Optional.empty(), batch.refusedBefore(List.of("id:b", "tag:CO-2")));
    }
}
