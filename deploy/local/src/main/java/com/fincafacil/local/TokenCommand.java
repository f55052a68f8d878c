package com.fincafacil.local;

import com.fincafacil.platform.OperatorTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Prints a bearer token signed with the local platform's key. */
@Command(name = "token", description = "Print a signed bearer token the local services accept.")
class TokenCommand implements Callable<Integer> {

    @Option(names = "--role", defaultValue = "operator", description = "viewer, operator or admin (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--hours", defaultValue = "12", description = "Validity in hours (default: ${DEFAULT-VALUE}).")
    int hours;

    @Override
    public Integer call() throws Exception {
        if (unknown(role)) {
            return 2;
        }
        OperatorTokens tokens = OperatorTokens.inDirectory(PlatformLayout.fromEnvironment().keys());
        System.out.println(tokens.mint("local-" + role, role, Duration.ofHours(hours)));
        return 0;
    }

    /** True, after saying so, when {@code role} is none of the platform's. */
    static boolean unknown(String role) {
        if (OperatorTokens.ROLES.contains(role)) {
            return false;
        }
        System.err.println("Unknown role '" + role + "'; use one of " + OperatorTokens.ROLES);
        return true;
    }
}
