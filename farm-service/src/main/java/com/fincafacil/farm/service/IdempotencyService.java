package com.fincafacil.farm.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.security.ApiKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.function.Supplier;

/**
 * Idempotent POSTs. The key is claimed in the same transaction as the write, and the answer is
 * stored with it, so a retry with the same key gets the first answer and writes nothing new;
 * a concurrent duplicate waits on the claim and then reads the stored answer. A failed request
 * rolls back its claim, so it can be retried.
 */
@ApplicationScoped
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;
    private final ObjectMapper mapper;

    public IdempotencyService(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** A stored answer: HTTP status and JSON body. */
    public record StoredResponse(int status, String body, boolean replayed) {
    }

    /**
     * Runs {@code write} once per (scope, key). {@code request} must identify the whole request,
     * its address included, so the same key sent to another address or with another body is a 422.
     * Without a key the write runs as it is: every write is atomic on its own.
     */
    public StoredResponse execute(String scope, String key, Object request, int status, Supplier<Object> write) {
        if (key == null) {
            return new StoredResponse(status, json(write.get()), false);
        }
        if (key.isBlank() || key.length() > 200) {
            throw Refusal.invalid(HEADER, "invalid_idempotency_key");
        }
        // the claim, the write and the stored answer commit together or not at all
        return QuarkusTransaction.joiningExisting().call(() -> claimAndRun(scope, key, request, status, write));
    }

    private StoredResponse claimAndRun(String scope, String key, Object request, int status, Supplier<Object> write) {
        String requestHash = ApiKeys.hash(json(request));
        int claimed = em.createNativeQuery("INSERT INTO idempotent_requests (scope, idem_key, request_hash, created_at) "
                        + "VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash).executeUpdate();
        if (claimed == 0) {
            Object[] stored = (Object[]) em.createNativeQuery(
                            "SELECT request_hash, status, response_body FROM idempotent_requests WHERE scope = ?1 AND idem_key = ?2")
                    .setParameter(1, scope).setParameter(2, key).getSingleResult();
            if (!requestHash.equals(stored[0])) {
                throw Refusal.unprocessable(HEADER, "idempotency_key_reused");
            }
            return new StoredResponse(((Number) stored[1]).intValue(), (String) stored[2], true);
        }
        String body = json(write.get());
        em.createNativeQuery("UPDATE idempotent_requests SET status = ?1, response_body = ?2 WHERE scope = ?3 AND idem_key = ?4")
                .setParameter(1, status).setParameter(2, body).setParameter(3, scope).setParameter(4, key).executeUpdate();
        return new StoredResponse(status, body, false);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
