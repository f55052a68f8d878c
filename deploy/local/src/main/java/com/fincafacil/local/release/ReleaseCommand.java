package com.fincafacil.local.release;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code ./fincafacil release <verb>}: plan, approve, acknowledge, start, watch, promote, abort,
 * roll back, retry and restore farm-service releases through release-service's HTTP API.
 */
@Command(name = "release", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        description = "Plan, run and watch farm-service releases (release-service's API).",
        subcommands = {PlanCommand.class, DecisionCommands.Approve.class, DecisionCommands.Ack.class, RunCommands.Start.class,
                DecisionCommands.Promote.class, DecisionCommands.Abort.class, RunCommands.Rollback.class, RunCommands.Retry.class, DecisionCommands.Restore.class,
                ShowCommands.Status.class, ShowCommands.ListReleases.class, WatchCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done; a followed release COMPLETED or reached MONITORING (rollback: ROLLED_BACK)",
                "1:refused by the release's state (409), or a followed release ended FAILED or ROLLED_BACK",
                "2:bad usage, no token, or bad input (400/422)", "3:release-service failed (5xx)", "4:unknown release (404)",
                "5:release-service is not reachable", "6:the token was refused (401/403)"})
public class ReleaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private ReleaseContext context;

    public ReleaseCommand() {
    }

    /** With a given release-service, environment, output and poll interval (tests). */
    ReleaseCommand(ReleaseContext context) {
        this.context = context;
    }

    ReleaseContext context() {
        if (context == null) {
            context = ReleaseContext.fromEnvironment();
        }
        return context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context().err());
        return ReleaseExit.BAD_INPUT;
    }
}
