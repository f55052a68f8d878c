package com.fincafacil.local.control;

import com.fincafacil.local.PlatformLayout;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code ./fincafacil slots [deploy|stop]}: the farm slots, through the running launcher's control API. */
@Command(name = "slots", description = "List the farm slots; deploy a stored version to one, or stop one.",
        subcommands = {SlotsCommand.Deploy.class, SlotsCommand.Stop.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (or nothing to do)", "1:refused by the current state (409)", "2:bad usage",
                "3:the slot failed to start or timed out", "4:unknown slot or version", "5:the platform is not running"})
public class SlotsCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        ControlClient.Answer answer = new ControlClient(PlatformLayout.fromEnvironment()).send("GET", "/slots", null);
        if (answer == null || answer.exitCode() != ControlClient.OK) {
            return ControlClient.report(answer);
        }
        System.out.printf("%-6s %-6s %-5s %-9s %-16s %-13s %-8s %-25s %s%n",
                "SLOT", "PORT", "ACTIVE", "STATE", "VERSION", "SHA256", "PID", "STARTED", "RESTARTS");
        for (Object o : new JsonArray(answer.body())) {
            JsonObject s = (JsonObject) o;
            System.out.printf("%-6s %-6d %-6s %-9s %-16s %-13s %-8s %-25s %s%n", s.getString("name"), s.getInteger("port"),
                    s.getBoolean("active") ? "*" : "", s.getString("state"), s.getString("version", "-"),
                    s.containsKey("sha256") ? s.getString("sha256").substring(0, 12) : "-",
                    s.getValue("pid", "-"), s.getString("startedAt", "-"), s.getValue("restarts", "-"));
        }
        return ControlClient.OK;
    }

    @Command(name = "deploy", description = "Run a stored version in a slot and wait until it is ready.")
    static class Deploy implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "VERSION")
        String version;

        @Parameters(index = "1", paramLabel = "SLOT", description = "blue or green")
        String slot;

        @Override
        public Integer call() throws Exception {
            ControlClient.Answer answer = new ControlClient(PlatformLayout.fromEnvironment())
                    .send("PUT", "/slots/" + slot, new JsonObject().put("version", version));
            if (answer != null && answer.exitCode() == ControlClient.OK) {
                JsonObject s = answer.json();
                System.out.printf("Slot %s runs %s, ready on %s (pid %s).%n", s.getString("name"), s.getString("version"),
                        s.getString("url"), s.getValue("pid"));
            }
            return ControlClient.report(answer);
        }
    }

    @Command(name = "stop", description = "Drain and stop an idle slot.")
    static class Stop implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SLOT")
        String slot;

        @Override
        public Integer call() throws Exception {
            ControlClient.Answer answer = new ControlClient(PlatformLayout.fromEnvironment()).send("DELETE", "/slots/" + slot, null);
            if (answer != null && answer.exitCode() == ControlClient.OK) {
                System.out.printf("Slot %s is stopped.%n", slot);
            }
            return ControlClient.report(answer);
        }
    }
}
