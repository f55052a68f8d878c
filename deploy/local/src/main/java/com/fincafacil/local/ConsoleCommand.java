package com.fincafacil.local;

import com.fincafacil.platform.OperatorTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Prints a one-time sign-in link to the operator console (and opens it when a desktop can): the
 * code in it works once, for a few minutes, and becomes a session with the chosen role.
 */
@Command(name = "console", description = "Print (and try to open) a one-time sign-in link to the operator console.")
class ConsoleCommand implements Callable<Integer> {

    static final Duration CODE_TTL = Duration.ofMinutes(5);

    @Option(names = "--role", defaultValue = "operator", description = "viewer, operator or admin (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--hours", defaultValue = "12", description = "How long the session lasts, in hours (default: ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--no-open", description = "Only print the link.")
    boolean noOpen;

    @Override
    public Integer call() throws Exception {
        if (TokenCommand.unknown(role)) {
            return 2;
        }
        PlatformLayout layout = PlatformLayout.fromEnvironment();
        String code = OperatorTokens.inDirectory(layout.keys()).mintConsoleCode("local-" + role, role, Duration.ofHours(hours), CODE_TTL);
        String link = "http://127.0.0.1:" + layout.settings().port("release-service") + "/console/login?code=" + code;
        System.out.println(link);
        System.out.println("(works once, for " + CODE_TTL.toMinutes() + " minutes; the session lasts " + hours + " h)");
        if (!noOpen && desktop()) {
            try {
                new ProcessBuilder("xdg-open", link).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (java.io.IOException e) {
                // printing the link is the promise; opening it is a courtesy
            }
        }
        return 0;
    }

    /** xdg-open is on the PATH and there is a display to open a browser on. */
    private static boolean desktop() {
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        String path = System.getenv().getOrDefault("PATH", "");
        return display && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "xdg-open")));
    }
}
