package com.fincafacil.farm.service;

import com.fincafacil.commons.refusal.FieldChecks;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.repository.ApiKeyEntity;
import com.fincafacil.farm.repository.ApiKeyRepository;
import com.fincafacil.farm.security.ApiKeyVerifier;
import com.fincafacil.farm.security.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A finca's API keys: created by operators, shown once, stored hashed, revocable. */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final FincaService fincas;
    private final ApiKeyVerifier verifier;
    private final Validator validator;

    public ApiKeyService(ApiKeyRepository keys, FincaService fincas, ApiKeyVerifier verifier, Validator validator) {
        this.keys = keys;
        this.fincas = fincas;
        this.verifier = verifier;
        this.validator = validator;
    }

    /** A key's label: optional (a key without one is "farm app"). */
    record KeyFields(@Size(max = 120) String label) {
    }

    /** A new key: the only time the plain key exists outside the farm app. */
    public record CreatedKey(ApiKeyEntity entity, String key) {
    }

    @Transactional
    public CreatedKey create(UUID fincaId, String label, String actor) {
        fincas.get(fincaId);
        FieldChecks.of(validator, new KeyFields(label)).refuseIfAny();
        String key = ApiKeys.newKey();
        ApiKeyEntity entity = new ApiKeyEntity();
        entity.id = UUID.randomUUID();
        entity.fincaId = fincaId;
        entity.prefix = ApiKeys.displayPrefix(key);
        entity.keyHash = ApiKeys.hash(key);
        entity.label = label == null || label.isBlank() ? "farm app" : label.trim();
        entity.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        entity.createdBy = actor;
        keys.persist(entity);
        return new CreatedKey(entity, key);
    }

    public List<ApiKeyEntity> list(UUID fincaId) {
        fincas.get(fincaId);
        return keys.ofFinca(fincaId);
    }

    @Transactional
    public ApiKeyEntity revoke(UUID fincaId, UUID keyId) {
        ApiKeyEntity key = keys.findByIdOptional(keyId).filter(k -> k.fincaId.equals(fincaId))
                .orElseThrow(() -> Refusal.notFound("api_key_not_found", "keyId", keyId, "fincaId", fincaId));
        if (key.revokedAt == null) {
            key.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        verifier.forgetAll();
        return key;
    }
}
