package com.fincafacil.release.domain;

import com.fincafacil.flags.domain.DeploymentWindow;
import org.junit.jupiter.api.Test;
import com.fincafacil.flags.domain.SemVer;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The changelog, version and start rules, without a service. */
class GovernanceRulesTest {

    private static final DeploymentWindow SUNDAY_2_TO_4 = new DeploymentWindow(DayOfWeek.SUNDAY, 2, 4, ZoneId.of("America/Bogota"));
    /** Sunday 2026-12-06 03:00 in Bogotá (UTC-5): inside the window. */
    private static final Instant IN_WINDOW = Instant.parse("2026-12-06T08:00:00Z");
    /** Sunday 2026-12-06 04:00 in Bogotá: the window has just closed (the end hour is outside). */
    private static final Instant JUST_AFTER = Instant.parse("2026-12-06T09:00:00Z");

    @Test
    void a_changelog_entry_is_its_bullets_with_continuations_joined() {
        String changelog = "# Changelog\n## [Unreleased]\n- not this\n## [1.1.0] - 2026-12-06\n### Added\n- **Bold** first\n"
                + "  continued\n* second\n\n### Fixed\n- third\n## [1.0.0]\n- older\n";
        assertEquals(Optional.of(List.of("**Bold** first continued", "second", "third")), ChangelogEntry.items(changelog, "1.1.0"));
        assertEquals(Optional.of(List.of("older")), ChangelogEntry.items(changelog, "1.0.0"));
        assertEquals(Optional.empty(), ChangelogEntry.items(changelog, "1.0"));
        assertEquals(Optional.empty(), ChangelogEntry.items(changelog, "2.0.0"));
    }

    @Test
    void a_version_must_be_above_the_running_one_and_its_kind_must_name_the_step() {
        Optional<SemVer> running = Optional.of(SemVer.of("1.4.2"));
        assertEquals("version", PlannedRelease.checkAgainst(SemVer.of("1.4.2"), ReleaseKind.PATCH, running).orElseThrow().field());
        assertEquals("version", PlannedRelease.checkAgainst(SemVer.of("1.3.9"), ReleaseKind.MINOR, running).orElseThrow().field());
        assertTrue(PlannedRelease.checkAgainst(SemVer.of("1.4.3"), ReleaseKind.HOTFIX, running).isEmpty());
        assertTrue(PlannedRelease.checkAgainst(SemVer.of("1.4.3"), ReleaseKind.PATCH, running).isEmpty());
        assertTrue(PlannedRelease.checkAgainst(SemVer.of("1.5.0"), ReleaseKind.MINOR, running).isEmpty());
        assertTrue(PlannedRelease.checkAgainst(SemVer.of("2.0.0"), ReleaseKind.MAJOR, running).isEmpty());
        assertEquals("kind", PlannedRelease.checkAgainst(SemVer.of("1.5.0"), ReleaseKind.HOTFIX, running).orElseThrow().field());
        assertEquals("kind", PlannedRelease.checkAgainst(SemVer.of("2.0.0"), ReleaseKind.MINOR, running).orElseThrow().field());
        assertTrue(PlannedRelease.checkAgainst(SemVer.of("0.1.0"), ReleaseKind.MINOR, Optional.empty()).isEmpty(), "nothing runs yet");
    }

    @Test
    void outside_the_window_only_a_hotfix_with_a_reason_starts_and_that_is_a_bypass() {
        StartRules.Candidate minor = new StartRules.Candidate(ReleaseKind.MINOR, false, null, List.of());
        StartRules.Candidate hotfix = new StartRules.Candidate(ReleaseKind.HOTFIX, false, "sales fail in produccion", List.of());
        StartRules.Candidate silentHotfix = new StartRules.Candidate(ReleaseKind.HOTFIX, false, " ", List.of());

        assertEquals(List.of(), StartRules.check(minor, SUNDAY_2_TO_4, IN_WINDOW));
        assertEquals("kind", StartRules.check(minor, SUNDAY_2_TO_4, JUST_AFTER).get(0).field());
        assertTrue(StartRules.check(minor, SUNDAY_2_TO_4, JUST_AFTER).get(0).reason().contains("2026-12-13T07:00:00Z"),
                "names the next opening");
        assertEquals(List.of(), StartRules.check(hotfix, SUNDAY_2_TO_4, JUST_AFTER));
        assertTrue(StartRules.bypassesWindow(hotfix, SUNDAY_2_TO_4, JUST_AFTER));
        assertFalse(StartRules.bypassesWindow(hotfix, SUNDAY_2_TO_4, IN_WINDOW));
        assertEquals("reason", StartRules.check(silentHotfix, SUNDAY_2_TO_4, JUST_AFTER).get(0).field());
    }

    @Test
    void a_major_release_needs_an_approval_and_every_refusal_is_listed_at_once() {
        StartRules.Candidate major = new StartRules.Candidate(ReleaseKind.MAJOR, false, null, List.of());
        assertEquals(List.of("kind", "approval"), StartRules.check(major, SUNDAY_2_TO_4, JUST_AFTER).stream()
                .map(StartRules.Refusal::field).toList());
        assertEquals(List.of(), StartRules.check(new StartRules.Candidate(ReleaseKind.MAJOR, true, null, List.of()), SUNDAY_2_TO_4, IN_WINDOW));
    }

    @Test
    void every_missing_acknowledgement_is_a_refusal_of_its_own() {
        StartRules.Candidate unacknowledged = new StartRules.Candidate(ReleaseKind.MINOR, false, null,
                List.of("team_available", "users_told"));
        List<StartRules.Refusal> refusals = StartRules.check(unacknowledged, SUNDAY_2_TO_4, IN_WINDOW);
        assertEquals(List.of("acknowledgements", "acknowledgements"), refusals.stream().map(StartRules.Refusal::field).toList());
        assertTrue(refusals.get(1).reason().startsWith("users_told is not acknowledged"), refusals.get(1).reason());
    }
}
