package com.fincafacil.release.service;

import com.fincafacil.flags.domain.DeploymentWindow;
import com.fincafacil.flags.file.DeploymentFile;
import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.ReleaseKind;
import com.fincafacil.release.domain.StartRules;
import com.fincafacil.release.repository.ReleaseEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Whether a planned release could start now under the governance rules (window, approval), read
 * against {@code config/deployment.json} and the service's clock, so operators see it before
 * they try.
 */
@ApplicationScoped
public class StartCheck {

    /** The answer: may it start, why not, when the window opens, and whether it would bypass it. */
    public record Answer(boolean mayStart, List<StartRules.Refusal> refusals, Instant windowOpensAt, boolean bypassesWindow) {
    }

    private final ReleaseConfig config;
    private final Acknowledgements acknowledgements;
    private final Clock clock;

    public StartCheck(ReleaseConfig config, Acknowledgements acknowledgements, Clock clock) {
        this.config = config;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
    }

    /** {@code hotfixReason}: what the operator will give at start (none yet when only looking). */
    public Answer check(ReleaseEntity release, String hotfixReason) {
        DeploymentWindow window = DeploymentFile.window(Path.of(config.deploymentFile()));
        Instant now = clock.instant();
        StartRules.Candidate candidate = new StartRules.Candidate(ReleaseKind.parse(release.kind).orElseThrow(),
                release.approvedBy != null, hotfixReason, acknowledgements.missing(release.id));
        List<StartRules.Refusal> refusals = StartRules.check(candidate, window, now);
        return new Answer(refusals.isEmpty(), refusals, window.nextOpening(now), StartRules.bypassesWindow(candidate, window, now));
    }
}
