package com.fincafacil.farm.security;

import com.fincafacil.farm.config.FarmConfig;
import com.fincafacil.farm.repository.ApiKeyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves an API key to its finca. Verified keys are remembered for a few seconds so a farm
 * app's requests do not each hit the database; a revoked key stops working within that time.
 */
@ApplicationScoped
public class ApiKeyVerifier {

    private record Verified(UUID fincaId, long expiresAtNanos) {
    }

    private final ApiKeyRepository keys;
    private final long ttlNanos;
    private final Map<String, Verified> cache = new ConcurrentHashMap<>();

    public ApiKeyVerifier(ApiKeyRepository keys, FarmConfig config) {
        this.keys = keys;
        this.ttlNanos = config.apiKeyCacheTtl().toNanos();
    }

    public Optional<UUID> fincaOf(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(key.trim());
        Verified known = cache.get(hash);
        long now = System.nanoTime();
        if (known != null && known.expiresAtNanos() > now) {
            return Optional.of(known.fincaId());
        }
        Optional<UUID> finca = QuarkusTransaction.joiningExisting().call(() -> keys.activeByHash(hash).map(k -> k.fincaId));
        finca.ifPresentOrElse(id -> cache.put(hash, new Verified(id, now + ttlNanos)), () -> cache.remove(hash));
        return finca;
    }

    /** Forgets every remembered key at once (after a revocation on this instance). */
    public void forgetAll() {
        cache.clear();
    }
}
