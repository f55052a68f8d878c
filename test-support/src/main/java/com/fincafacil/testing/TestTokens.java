package com.fincafacil.testing;

import java.time.Duration;

/** Signed operator tokens for tests, accepted by a service started with {@link PlatformTestResource}. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String bearer(String role) {
        return "Bearer " + TestPlatform.shared().tokens().mint("test-" + role, role, Duration.ofHours(1));
    }
}
