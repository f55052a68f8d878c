package com.fincafacil.release.service;

import com.fincafacil.commons.refusal.Refusal;
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
        } catch (Refusal e) {
            LOG.warnf("the deployment target does not answer yet: %s", e.reasons().get(0).facts().get("reason"));
        }
    }

    /** The active slot's version now; refused as unavailable when the target cannot be reached. */
    public Optional<String> current() {
        try {
            // one question: the slot list already says which slot is active
            Optional<String> version = target.slots().stream().filter(SlotStatus::active).findFirst().map(SlotStatus::version);
            lastKnown = version;
            return version;
        } catch (TargetRefusal e) {
            throw targetUnavailable(e);
        }
    }

    /** The target did not answer: nothing that depends on what runs can be decided now. */
    static Refusal targetUnavailable(TargetRefusal e) {
        return Refusal.of(Refusal.Kind.UNAVAILABLE, null, "target_unavailable", "reason", e.getMessage());
    }

    /** What the last successful question answered (for views; never for decisions). */
    public Optional<String> lastKnown() {
        return lastKnown;
    }
}
