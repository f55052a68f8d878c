package com.fincafacil.local.release;

import io.vertx.core.json.DecodeException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/**
 * What every {@code release} verb shares: the token ({@code --token} or {@code FINCAFACIL_TOKEN};
 * none is exit 2 with the way to mint one) and turning a failure into its exit code.
 */
abstract class ReleaseVerb implements Callable<Integer> {

    @ParentCommand
    ReleaseCommand release;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token (default: $FINCAFACIL_TOKEN).")
    String token;

    /** The role the verb needs, named when the token is missing or refused. */
    String role() {
        return "operator";
    }

    abstract int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException;

    @Override
    public Integer call() throws InterruptedException {
        ReleaseContext context = release.context();
        String bearer = token != null && !token.isBlank() ? token.trim() : context.environment().get(ReleaseContext.TOKEN_VARIABLE);
        if (bearer == null || bearer.isBlank()) {
            context.err().println("No token: pass --token T, or " + ReleaseExit.tokenHint(role()));
            return ReleaseExit.BAD_INPUT;
        }
        try {
            return run(new ReleaseClient(context, bearer.trim(), role()), context);
        } catch (ReleaseClient.Failed failed) {
            return failed.exitCode;
        } catch (DecodeException | ClassCastException notTheExpectedJson) {
            context.err().println("release-service answered something that is not the JSON it documents: " + notTheExpectedJson.getMessage());
            return ReleaseExit.SERVICE_ERROR;
        }
    }
}
