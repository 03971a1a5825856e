package org.tregflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tregflow} command: a thin picocli front over the library. */
@Command(name = "tregflow",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Flow-cytometry batch pipeline for low-dose IL-2 trials: FCS files to Treg/NK endpoint tables.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RunCommand.class,
            ValidateCommand.class,
            InspectCommand.class,
            SimulateCommand.class,
            GatingMlCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (DESIGN §4: 2 is bad usage). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version from the jar manifest (set by the build), or "dev" when run from classes. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tregflow " + version()};
        }
    }
}
