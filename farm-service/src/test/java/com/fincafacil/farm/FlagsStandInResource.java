package com.fincafacil.farm;

import com.fincafacil.testing.OfrepStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * farm-service asks flags-service for its flags; here a stand-in that evaluates the seed's flag
 * file with the real semantics answers instead, on a random port, so tests can take it away.
 */
public class FlagsStandInResource implements QuarkusTestResourceLifecycleManager {

    private static OfrepStandIn standIn;

    static synchronized OfrepStandIn standIn() {
        return standIn;
    }

    @Override
    public synchronized Map<String, String> start() {
        standIn = OfrepStandIn.start();
        return Map.of("fincafacil.flags-client.url", standIn.url());
    }

    @Override
    public synchronized void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
