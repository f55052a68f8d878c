package com.fincafacil.local.control;

import com.fincafacil.local.PlatformLayout;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code ./fincafacil switch <slot>}: send farm traffic to a ready slot. */
@Command(name = "switch", description = "Send farm traffic to a slot that is ready.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:traffic is on that slot", "1:refused: the slot is not ready (409)", "2:bad usage",
                "4:unknown slot", "5:the platform is not running"})
public class SwitchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SLOT", description = "blue or green")
    String slot;

    @Override
    public Integer call() throws Exception {
        ControlClient.Answer answer = new ControlClient(PlatformLayout.fromEnvironment())
                .send("PUT", "/traffic", new JsonObject().put("slot", slot));
        if (answer != null && answer.exitCode() == ControlClient.OK) {
            JsonObject t = answer.json();
            System.out.printf("Traffic is on slot %s (%s, port %s).%n", t.getString("activeSlot"), t.getString("version"), t.getValue("port"));
        }
        return ControlClient.report(answer);
    }
}
