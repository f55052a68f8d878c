package com.fincafacil.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./fincafacil}: the operator's entry point to the local platform. */
@Command(name = "fincafacil", mixinStandardHelpOptions = true,
        description = "Runs the FincaFácil platform on this machine.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, TokenCommand.class, ConsoleCommand.class,
                com.fincafacil.local.artifact.ArtifactCommand.class, com.fincafacil.local.control.SlotsCommand.class,
                com.fincafacil.local.control.SwitchCommand.class, com.fincafacil.local.control.MigrateCommand.class,
                com.fincafacil.local.control.FaultsCommand.class, com.fincafacil.local.release.ReleaseCommand.class,
                com.fincafacil.local.drill.DrillCommand.class,
                com.fincafacil.local.incident.ReportCommand.class, com.fincafacil.local.incident.DoraCommand.class,
                com.fincafacil.local.incident.IncidentsCommand.class})
public class FincaFacilCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new FincaFacilCommand()).execute(args));
    }
}
