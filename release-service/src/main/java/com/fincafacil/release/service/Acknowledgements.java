package com.fincafacil.release.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.Gate;
import com.fincafacil.release.domain.ReleaseSteps;
import com.fincafacil.release.repository.AcknowledgementEntity;
import com.fincafacil.release.repository.AcknowledgementRepository;
import com.fincafacil.release.repository.ReleaseEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The human items of the checklist (the seed's "team available", "users told"): an operator
 * acknowledges each, recorded with who and when; a release does not start while one is missing.
 */
@ApplicationScoped
public class Acknowledgements {

    private final AcknowledgementRepository acks;
    private final ReleaseConfig config;
    private final Timeline timeline;
    private final Clock clock;

    public Acknowledgements(AcknowledgementRepository acks, ReleaseConfig config, Timeline timeline, Clock clock) {
        this.acks = acks;
        this.config = config;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Records {@code item} for the release; the first acknowledgement of an item stands. Call in a transaction. */
    public void acknowledge(ReleaseEntity release, String item, String by, String note) {
        if (item == null || !config.acknowledgements().contains(item.trim())) {
            throw Refusal.invalid("item", "unknown_acknowledgement", "allowed", config.acknowledgements(),
                    "detail", "item must be one of " + config.acknowledgements() + ".");
        }
        if (ReleaseSteps.ended(release.state)) {
            throw Refusal.conflict(null, "release_state_refuses", Refusal.VARIANT, "acknowledge", "version", release.version,
                    "state", release.state.name(), "detail", "Release " + release.version + " is " + release.state + "; it has ended.");
        }
        String key = item.trim();
        if (acks.findById(new AcknowledgementEntity.Key(release.id, key)) != null) {
            return;
        }
        AcknowledgementEntity ack = new AcknowledgementEntity();
        ack.releaseId = release.id;
        ack.item = key;
        ack.acknowledgedBy = by;
        ack.acknowledgedAt = StepActions.now(clock);
        ack.note = note == null || note.isBlank() ? null : note.trim();
        acks.persist(ack);
        timeline.note(release, "acknowledged", by, key + " acknowledged" + (ack.note == null ? "" : ": " + ack.note),
                Map.of("item", key));
    }

    /** The configured items not yet acknowledged. Call in a transaction. */
    public List<String> missing(UUID releaseId) {
        List<String> given = acks.of(releaseId).stream().map(a -> a.item).toList();
        return config.acknowledgements().stream().filter(i -> !given.contains(i)).toList();
    }

    /** One gate per configured item: passed with who and when, or failed. Opens its own transaction. */
    public List<Gate> check(UUID releaseId) {
        List<AcknowledgementEntity> given = QuarkusTransaction.requiringNew().call(() -> acks.of(releaseId));
        return config.acknowledgements().stream().map(item -> {
            Optional<AcknowledgementEntity> ack = given.stream().filter(a -> a.item.equals(item)).findFirst();
            return ack.map(a -> new Gate(item, Gate.Kind.ACKNOWLEDGEMENT, Gate.Status.PASSED,
                            "acknowledged by " + a.acknowledgedBy + " at " + a.acknowledgedAt + (a.note == null ? "" : ": " + a.note)))
                    .orElse(new Gate(item, Gate.Kind.ACKNOWLEDGEMENT, Gate.Status.FAILED, "not acknowledged"));
        }).toList();
    }

    /** Every acknowledgement given, for the release's view. Call in a transaction. */
    public List<AcknowledgementEntity> of(UUID releaseId) {
        return acks.of(releaseId);
    }
}
