package com.fincafacil.release.service;

import com.fincafacil.commons.rest.ProblemException;
import com.fincafacil.release.domain.PlannedRelease;
import com.fincafacil.release.domain.ReleaseKind;
import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.repository.ReleaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.semver4j.Semver;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Planning releases; the release steps themselves come with the release issue. */
@ApplicationScoped
public class ReleasePlanningService {

    private final ReleaseRepository releases;

    public ReleasePlanningService(ReleaseRepository releases) {
        this.releases = releases;
    }

    @Transactional
    public ReleaseEntity plan(String version, String kind, List<String> changes, String by) {
        Semver semver = PlannedRelease.parseVersion(version)
                .orElseThrow(() -> ProblemException.badField("version", "'" + version + "' is not a semantic version (MAJOR.MINOR.PATCH)."));
        ReleaseKind releaseKind = ReleaseKind.parse(kind)
                .orElseThrow(() -> ProblemException.badField("kind", "kind must be one of major, minor, patch, hotfix."));
        if (releases.findByVersion(semver.getVersion()).isPresent()) {
            throw ProblemException.conflict("version", "Release " + semver.getVersion() + " is already planned.");
        }
        ReleaseEntity release = new ReleaseEntity();
        release.id = UUID.randomUUID();
        release.version = semver.getVersion();
        release.kind = releaseKind.wireName();
        release.state = ReleaseState.PLANNED;
        release.changes = String.join("\n", changes);
        release.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        release.createdBy = by;
        releases.persist(release);
        return release;
    }

    public List<ReleaseEntity> list() {
        return releases.newestFirst();
    }
}
