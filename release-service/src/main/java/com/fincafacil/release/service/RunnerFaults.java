package com.fincafacil.release.service;

import com.fincafacil.release.domain.ReleaseState;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Where the release runner can be made to die, for the tests that prove a restart resumes every
 * release correctly: after a step acted but before its state was recorded, right after, and
 * while the analysis watches. The platform's own instance does nothing; a test profile enables
 * one that throws.
 */
@ApplicationScoped
public class RunnerFaults {

    /** The step reaching {@code next} acted; its state is not recorded yet. */
    public void acted(UUID release, ReleaseState next) {
        // no fault on the platform
    }

    /** The state {@code reached} was recorded. */
    public void recorded(UUID release, ReleaseState reached) {
        // no fault on the platform
    }

    /** The analysis stored a measurement of a MONITORING release. */
    public void measured(UUID release) {
        // no fault on the platform
    }
}
