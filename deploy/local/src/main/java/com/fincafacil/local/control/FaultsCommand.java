package com.fincafacil.local.control;

import com.fincafacil.local.PlatformLayout;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code ./fincafacil faults [add abort|delay|freeze|kafka|crash … | clear [ID]]}: faults injected into farm
 * traffic and frozen slots, through the running launcher's control API (which refuses them unless
 * the platform was started with {@code up --allow-faults}).
 */
@Command(name = "faults", description = "List the faults injected into farm traffic and the frozen slots; add or clear them "
        + "(the platform must run with ./fincafacil up --allow-faults).",
        subcommands = {FaultsCommand.Add.class, FaultsCommand.Clear.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:refused: fault injection is off (403) or the slot is frozen already or not running (409)",
                "2:bad usage or a bad field (400)", "4:unknown slot or fault", "5:the platform is not running",
                "6:the token was refused"})
public class FaultsCommand implements Callable<Integer> {

    /** Opens the client to the control API; tests point it at a stand-in. */
    interface Clients {
        ControlClient open() throws IOException;
    }

    final Clients clients;

    @Spec
    CommandSpec spec;

    public FaultsCommand() {
        this(() -> new ControlClient(PlatformLayout.fromEnvironment()));
    }

    FaultsCommand(Clients clients) {
        this.clients = clients;
    }

    @Override
    public Integer call() throws Exception {
        ControlClient.Answer answer = clients.open().send("GET", "/faults", null);
        if (answer == null || answer.exitCode() != ControlClient.OK) {
            return ControlClient.report(answer, spec.commandLine().getErr());
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonArray all = new JsonArray(answer.body());
        if (all.isEmpty()) {
            out.println("No faults.");
            return ControlClient.OK;
        }
        out.printf("%-9s %-7s %-6s %-24s %-24s %s%n", "ID", "KIND", "SLOT", "EFFECT", "MATCH", "EXPIRES");
        for (Object o : all) {
            JsonObject f = (JsonObject) o;
            out.printf("%-9s %-7s %-6s %-24s %-24s %s%n", f.getString("id"), f.getString("kind"), f.getString("slot", "-"),
                    effect(f), match(f), f.getString("expiresAt") == null ? "-" : f.getString("expiresAt") + " (in " + secondsLeft(f) + " s)");
        }
        return ControlClient.OK;
    }

    /** {@code 50% → 503}, {@code 100% +800 ms}, {@code pid 1234 stopped}. */
    static String effect(JsonObject f) {
        return switch (f.getString("kind")) {
            case "abort" -> percent(f) + " → " + f.getInteger("status");
            case "delay" -> percent(f) + " +" + f.getLong("delayMs") + " ms";
            case "kafka" -> "broker stopped";
            // an armed crash: the service it kills, and whether it did
            case "crash" -> f.getString("service") + (f.getBoolean("fired", false) ? " killed" : "");
            default -> "pid " + f.getValue("pid") + " stopped";
        };
    }

    static String match(JsonObject f) {
        if ("freeze".equals(f.getString("kind")) || "kafka".equals(f.getString("kind"))) {
            return "-";
        }
        if ("crash".equals(f.getString("kind"))) {
            return "on " + f.getString("on");
        }
        String method = f.getString("method", "");
        String path = f.getString("path", "");
        return method.isEmpty() && path.isEmpty() ? "any request" : (method + " " + path).trim();
    }

    private static String percent(JsonObject f) {
        double p = f.getDouble("percentage");
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }

    private static long secondsLeft(JsonObject f) {
        return Math.max(0, Duration.between(Instant.now(), Instant.parse(f.getString("expiresAt"))).toSeconds());
    }

    @Command(name = "add", description = "Inject a fault: abort, delay, freeze, kafka or crash.",
            subcommands = {Abort.class, Delay.class, Freeze.class, Kafka.class, Crash.class})
    static class Add implements Callable<Integer> {
        @ParentCommand
        FaultsCommand faults;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ControlClient.BAD_REQUEST;
        }
    }

    /** What every kind is given: the slot and how long; {@link #details} adds the rest. */
    abstract static class Kind implements Callable<Integer> {
        @ParentCommand
        Add add;

        @Spec
        CommandSpec spec;

        @Option(names = "--slot", required = true, description = "blue or green")
        String slot;

        @Option(names = "--duration", required = true, paramLabel = "SECONDS", description = "1 to 86400; removed after that")
        int duration;

        abstract void details(JsonObject body);

        @Override
        public Integer call() throws Exception {
            JsonObject body = new JsonObject().put("kind", spec.name()).put("slot", slot);
            details(body);
            body.put("durationSeconds", duration);
            ControlClient.Answer answer = add.faults.clients.open().send("POST", "/faults", body);
            if (answer != null && answer.exitCode() == ControlClient.OK) {
                JsonObject f = answer.json();
                spec.commandLine().getOut().printf("Fault %s: %s %s on slot %s (%s) until %s.%n", f.getString("id"),
                        f.getString("kind"), effect(f), f.getString("slot"), match(f), f.getString("expiresAt"));
            }
            return ControlClient.report(answer, spec.commandLine().getErr());
        }
    }

    /** Which requests a fault applies to (all when neither is given). */
    static class Match {
        @Option(names = "--method", description = "only requests with this method")
        String method;

        @Option(names = "--path", paramLabel = "REGEX", description = "only requests whose whole path matches")
        String path;
    }

    @Command(name = "abort", description = "The entry answers a share of the slot's requests itself, with an error status.")
    static class Abort extends Kind {
        @Option(names = "--percentage", required = true, description = "0 to 100, fractions allowed")
        double percentage;

        @Option(names = "--status", description = "400 to 599 (default 503)")
        Integer status;

        @picocli.CommandLine.Mixin
        Match match;

        @Override
        void details(JsonObject body) {
            body.put("percentage", percentage).put("status", status).put("method", match.method).put("path", match.path);
            body.getMap().values().removeIf(java.util.Objects::isNull);
        }
    }

    @Command(name = "delay", description = "The entry holds a share of the slot's requests before passing them on.")
    static class Delay extends Kind {
        @Option(names = "--delay-ms", required = true, description = "1 to 60000")
        long delayMs;

        @Option(names = "--percentage", description = "0 to 100, fractions allowed (default 100)")
        Double percentage;

        @picocli.CommandLine.Mixin
        Match match;

        @Override
        void details(JsonObject body) {
            body.put("delayMs", delayMs).put("percentage", percentage).put("method", match.method).put("path", match.path);
            body.getMap().values().removeIf(java.util.Objects::isNull);
        }
    }

    @Command(name = "freeze", description = "Stop the slot's process (SIGSTOP) until the duration is over or it is cleared.")
    static class Freeze extends Kind {
        @Override
        void details(JsonObject body) {
            // only the slot and the duration
        }
    }

    @Command(name = "kafka", description = "Stop the Kafka broker (every service loses it) until the duration is over or it is cleared.")
    static class Kafka implements Callable<Integer> {
        @ParentCommand
        Add add;

        @Spec
        CommandSpec spec;

        @Option(names = "--duration", required = true, paramLabel = "SECONDS", description = "1 to 3600; started again after that")
        int duration;

        @Override
        public Integer call() throws Exception {
            ControlClient.Answer answer = add.faults.clients.open().send("POST", "/faults",
                    new JsonObject().put("kind", "kafka").put("durationSeconds", duration));
            if (answer != null && answer.exitCode() == ControlClient.OK) {
                spec.commandLine().getOut().printf("Fault %s: Kafka broker stopped until %s.%n", answer.json().getString("id"),
                        answer.json().getString("expiresAt"));
            }
            return ControlClient.report(answer, spec.commandLine().getErr());
        }
    }

    @Command(name = "crash", description = "Kill a service (SIGKILL); the platform starts it again, as Kubernetes restarts a crashed container.")
    static class Crash implements Callable<Integer> {
        @ParentCommand
        Add add;

        @Spec
        CommandSpec spec;

        @Option(names = "--service", required = true, description = "flags-service, release-service or incident-service")
        String service;

        @Option(names = "--on", description = "kill it only when this control verb is next asked for: migration, deploy or switch")
        String on;

        @Override
        public Integer call() throws Exception {
            JsonObject request = new JsonObject().put("kind", "crash").put("service", service);
            if (on != null) {
                request.put("on", on);
            }
            ControlClient.Answer answer = add.faults.clients.open().send("POST", "/faults", request);
            if (answer != null && answer.exitCode() == ControlClient.OK) {
                spec.commandLine().getOut().println(on == null
                        ? service + " killed (pid " + answer.json().getValue("pid") + "); the platform starts it again."
                        : "Fault " + answer.json().getString("id") + ": " + service + " is killed when " + on + " is next asked for.");
            }
            return ControlClient.report(answer, spec.commandLine().getErr());
        }
    }

    @Command(name = "clear", description = "Remove one fault (thawing a frozen slot, starting a stopped broker), or every fault.")
    static class Clear implements Callable<Integer> {
        @ParentCommand
        FaultsCommand faults;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "the fault's id (default: all)")
        String id;

        @Override
        public Integer call() throws Exception {
            ControlClient.Answer answer = faults.clients.open().send("DELETE", id == null ? "/faults" : "/faults/" + id, null);
            if (answer != null && answer.exitCode() == ControlClient.OK) {
                JsonObject r = answer.json();
                spec.commandLine().getOut().println(id == null ? "Removed " + r.getJsonArray("removed").size() + " fault(s)."
                        : "Removed fault " + id + " (" + r.getString("kind") + (r.getString("slot") != null ? " on slot " + r.getString("slot")
                        : r.getString("service") != null ? " of " + r.getString("service") : "") + ").");
            }
            return ControlClient.report(answer, spec.commandLine().getErr());
        }
    }
}
