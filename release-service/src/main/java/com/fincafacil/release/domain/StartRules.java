package com.fincafacil.release.domain;

import com.fincafacil.flags.domain.DeploymentWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The governance a release must pass before it starts, as a list of small rules: the weekly
 * window (only a hotfix with a reason may start outside it, and that bypass is recorded), an
 * admin's approval for a MAJOR release, and the operators' acknowledgements of the human checklist items. Each rule answers a refusal or nothing.
 */
public final class StartRules {

    /**
     * Why a release may not start now; {@code field} names what to fix. {@code reason} is the
     * English sentence; {@code code} and {@code facts} let the problem mapper say it in Spanish.
     */
    public record Refusal(String field, String reason, String code, Map<String, Object> facts) {
    }

    /** What the rules see of a release. */
    public record Candidate(ReleaseKind kind, boolean approved, String hotfixReason, List<String> missingAcknowledgements) {
    }

    @FunctionalInterface
    interface Rule {
        List<Refusal> check(Candidate candidate, DeploymentWindow window, Instant now);
    }

    private static final List<Rule> RULES = List.of(StartRules::window, StartRules::majorNeedsApproval,
            StartRules::acknowledged);

    private StartRules() {
    }

    /** Every refusal at once; empty when the release may start. */
    public static List<Refusal> check(Candidate candidate, DeploymentWindow window, Instant now) {
        List<Refusal> refusals = new ArrayList<>();
        RULES.forEach(rule -> refusals.addAll(rule.check(candidate, window, now)));
        return refusals;
    }

    /** True when the release starts outside the window as a hotfix: the bypass to record. */
    public static boolean bypassesWindow(Candidate candidate, DeploymentWindow window, Instant now) {
        return !window.contains(now) && candidate.kind() == ReleaseKind.HOTFIX;
    }

    private static List<Refusal> window(Candidate c, DeploymentWindow window, Instant now) {
        if (window.contains(now)) {
            return List.of();
        }
        if (c.kind() != ReleaseKind.HOTFIX) {
            return List.of(new Refusal("kind", "outside the deployment window (" + window.day() + " "
                    + window.startHour() + ":00–" + window.endHour() + ":00 " + window.zone() + "); it opens at "
                    + window.nextOpening(now) + ". Only a hotfix may start now.", "outside_window",
                    Map.of("day", window.day(), "from", window.startHour(), "to", window.endHour(), "zone", window.zone(), "opens", window.nextOpening(now))));
        }
        if (c.hotfixReason() == null || c.hotfixReason().isBlank()) {
            return List.of(new Refusal("reason", "a hotfix outside the deployment window needs a reason", "hotfix_reason_required", Map.of()));
        }
        return List.of();
    }

    private static List<Refusal> acknowledged(Candidate c, DeploymentWindow window, Instant now) {
        return c.missingAcknowledgements().stream()
                .map(item -> new Refusal("acknowledgements", item + " is not acknowledged yet (POST …/acks {\"item\": \"" + item + "\"})",
                        "not_acknowledged", Map.of("item", item)))
                .toList();
    }

    private static List<Refusal> majorNeedsApproval(Candidate c, DeploymentWindow window, Instant now) {
        return c.kind() == ReleaseKind.MAJOR && !c.approved()
                ? List.of(new Refusal("approval", "a MAJOR release needs an admin's approval", "approval_required", Map.of()))
                : List.of();
    }
}
