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
        CommandLine cl = commandLine(args);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl.execute(args);
    }

    /**
     * The command line for these arguments. picocli builds the model of every registered subcommand by reflection
     * before parsing (~70 ms of a ~1 s run); when the first argument names a subcommand, only that one is built,
     * under a root of the same name and options. Anything else (no arguments, --help, help, a typo) gets the
     * whole tree. The {@code subcommands} list above stays the one place to register a command.
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
                Command sub = c.getAnnotation(Command.class);
                if (sub != null && sub.name().equals(args[0]) && c != CommandLine.HelpCommand.class) {
                    CommandLine root = new CommandLine(new Root());
                    root.addSubcommand(new CommandLine(c));
                    return root;
                }
            }
        }
        return new CommandLine(new Main());
    }

    /** The root when one subcommand runs: what the subcommand's help and errors show of its parent. */
    @Command(name = "tregflow", mixinStandardHelpOptions = true, versionProvider = Main.Version.class)
    static final class Root implements Runnable {
        @Override
        public void run() {
            // never invoked: commandLine() builds this root only when a subcommand is named
        }
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
