package com.fincafacil.local.control;

import com.fincafacil.local.PlatformLayout;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code ./fincafacil migrate <version>}: run a stored version's migrations on the farm database. */
@Command(name = "migrate", description = "Run a stored version's Flyway migrations on the farm database (migrate and exit).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:migrated (or nothing to apply)", "2:bad usage", "3:the migration failed or timed out",
                "4:unknown version", "5:the platform is not running"})
public class MigrateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VERSION")
    String version;

    @Override
    public Integer call() throws Exception {
        ControlClient.Answer answer = new ControlClient(PlatformLayout.fromEnvironment())
                .send("POST", "/migrations", new JsonObject().put("version", version));
        if (answer != null && answer.exitCode() == ControlClient.OK) {
            JsonObject r = answer.json();
            System.out.printf("Farm database at V%s; applied now: %s (%d ms).%n", r.getString("schemaVersion"),
                    r.getJsonArray("applied"), r.getLong("durationMs"));
        }
        return ControlClient.report(answer);
    }
}
