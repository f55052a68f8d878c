package com.fincafacil.release.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.commons.events.CloudEvent;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.outbox.Outbox;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.repository.TransitionEntity;
import jakarta.enterprise.context.ApplicationScoped;


/**
 * Every entry of a release's timeline as a CloudEvent on {@code fincafacil.release.events},
 * through the outbox in the same transaction ({@code docs/release-events.md}): the type names
 * what happened ({@code release.planned}, {@code release.approved}, {@code release.switched}, …),
 * the subject is the release id (one release's events stay in order).
 */
@ApplicationScoped
public class ReleaseEvents {

    static final String SOURCE = "/fincafacil/release-service";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public ReleaseEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** {@code event}: what happened, in the type's words ({@code planned}, {@code checked}, {@code approved}, …). */
    public void publish(ReleaseEntity release, TransitionEntity entry, String event) {
        ObjectNode data = mapper.createObjectNode()
                .put("releaseId", release.id.toString())
                .put("version", release.version)
                .put("kind", release.kind)
                .put("state", entry.to.name())
                .put("previousState", entry.from == null ? null : entry.from.name())
                .put("at", entry.at.toString())
                .put("actor", entry.actor)
                .put("reason", entry.reason)
                .put("artifact", release.artifact)
                .put("previousVersion", release.previousVersion)
                .put("plannedBy", release.createdBy)
                .put("plannedAt", release.createdAt.toString());
        data.set("figures", mapper.valueToTree(entry.figures));
        data.set("changes", mapper.valueToTree(release.changes));
        if (release.approvedBy != null) {
            data.set("approval", mapper.createObjectNode().put("by", release.approvedBy).put("at", release.approvedAt.toString()));
        }
        outbox.append(Topics.RELEASE_EVENTS, CloudEvent.of(SOURCE, "release." + event, release.id.toString(), data));
    }
}
