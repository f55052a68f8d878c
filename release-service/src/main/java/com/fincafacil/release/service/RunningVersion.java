package com.fincafacil.release.service;

import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.rest.ProblemException;
import com.fincafacil.release.domain.deployment.DeploymentTarget;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.release.domain.deployment.TargetRefusal;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The version farm traffic goes to now, as the deployment target reports it: asked at start-up
 * (logged, never fatal: the target may come up later) and again whenever a decision needs it.
 */
@ApplicationScoped
public class RunningVersion {

    private static final Logger LOG = Logger.getLogger(RunningVersion.class);

    private final DeploymentTarget target;
    private volatile Optional<String> lastKnown = Optional.empty();

    public RunningVersion(DeploymentTarget target) {
        this.target = target;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            LOG.infof("farm-service runs %s on the deployment target", current().orElse("nothing yet"));
        } catch (ProblemException e) {
            LOG.warnf("the deployment target does not answer yet: %s", e.getMessage());
        }
    }

    /** The active slot's version now; a 503 problem when the target cannot be reached. */
    public Optional<String> current() {
        try {
            // one question: the slot list already says which slot is active
            Optional<String> version = target.slots().stream().filter(SlotStatus::active).findFirst().map(SlotStatus::version);
            lastKnown = version;
            return version;
        } catch (TargetRefusal e) {
            throw new ProblemException(Problem.of(503, "Deployment target unavailable",
                    "Cannot tell which version runs: " + e.getMessage()));
        }
    }

    /** What the last successful question answered (for views; never for decisions). */
    public Optional<String> lastKnown() {
        return lastKnown;
    }
}
