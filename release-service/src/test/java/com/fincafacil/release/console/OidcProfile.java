package com.fincafacil.release.console;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The console signing in with an OIDC provider (the stand-in) instead of the local link: its own boot. */
public class OidcProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcStandIn.class));
    }
}
