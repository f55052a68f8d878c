package com.fincafacil.farmclient;

import com.fincafacil.farmclient.api.AnimalsApi;
import com.fincafacil.farmclient.api.FincasOperatorsApi;
import com.fincafacil.farmclient.model.AnimalHistory;
import com.fincafacil.farmclient.model.AnimalView;
import com.fincafacil.farmclient.model.CreatedKeyView;
import com.fincafacil.farmclient.model.FincaRequest;
import com.fincafacil.farmclient.model.FincaView;
import com.fincafacil.farmclient.model.Problem;
import com.fincafacil.farmclient.model.Registration;
import com.fincafacil.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a mobile team does with the contract: generate a client from farm-service's OpenAPI
 * document (openapi-generator, at build time) and use it. An operator creates a finca and its
 * key, then the farm app registers an animal, reads it back, and reads a refusal as a problem.
 */
class GeneratedClientIT {

    private static RunningFarmService farm;

    @BeforeAll
    static void start() throws Exception {
        farm = RunningFarmService.start();
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.close();
        }
    }

    @Test
    void a_generated_client_registers_an_animal_and_reads_refusals_as_problems() throws Exception {
        String bearer = TestTokens.bearer("operator");
        FincasOperatorsApi operators = new FincasOperatorsApi(client().setRequestInterceptor(r -> r.header("Authorization", bearer)));
        FincaView finca = operators.createFinca(new FincaRequest().name("La Cliente").department("Córdoba")
                .municipality("Montería").deploymentLevel("piloto"));
        CreatedKeyView key = operators.createApiKey(finca.getId(), null);

        AnimalsApi animals = new AnimalsApi(client().setRequestInterceptor(r -> r.header("X-API-Key", key.getKey())));
        Registration cow = new Registration().earTag("co-777").sex("hembra").birthDate(LocalDate.of(2023, 3, 1))
                .weightKg(new BigDecimal("412.5"));
        AnimalView registered = animals.registerAnimal(finca.getId(), cow, "phone-1-op-1");

        assertEquals("CO-777", registered.getEarTag());
        assertEquals("bovino", registered.getSpecies());
        assertEquals(0, new BigDecimal("412.5").compareTo(registered.getWeightKg()));
        AnimalHistory read = animals.getAnimal(registered.getId(), finca.getId());
        assertEquals(registered.getId(), read.getAnimal().getId());
        assertEquals(LocalDate.of(2023, 3, 1), read.getAnimal().getBirthDate());

        ApiException taken = assertThrows(ApiException.class,
                () -> animals.registerAnimal(finca.getId(), new Registration().earTag("CO-777").sex("macho"), null));
        assertEquals(409, taken.getCode());
        Problem problem = client().getObjectMapper().readValue(taken.getResponseBody(), Problem.class);
        assertEquals("ear_tag_taken", problem.getCode());
        assertEquals("earTag", problem.getField());
    }

    private static ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(farm.baseUri());
        return client;
    }
}
