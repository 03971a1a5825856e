package org.tregflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private static final CommandLine FULL = new CommandLine(new Main());

    @Test
    void namingASubcommandBuildsOnlyThatOneWithTheSameHelp() {
        for (String name : Set.of("run", "validate", "inspect", "simulate", "gatingml")) {
            CommandLine lean = Main.commandLine(name, "--whatever");
            assertEquals(Set.of(name), lean.getSubcommands().keySet(), name);
            assertEquals(FULL.getSubcommands().get(name).getUsageMessage(),
                    lean.getSubcommands().get(name).getUsageMessage(), "usage of " + name);
            assertEquals("tregflow", lean.getCommandName());
        }
    }

    @Test
    void everythingElseGetsTheWholeTree() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "run"}, {"rnu"}, {"--version"}}) {
            assertEquals(FULL.getSubcommands().keySet(), Main.commandLine(args).getSubcommands().keySet(),
                    String.join(" ", args));
        }
        assertTrue(FULL.getSubcommands().keySet().containsAll(Set.of("help", "run", "validate", "inspect")));
    }

    @Test
    void aSubcommandRunThroughTheLeanRootBehavesAsBefore() {
        CliRun bad = CliRun.run("run", "--threads", "0");
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().contains("--threads must be at least 1"), bad.err());
        CliRun unknown = CliRun.run("run", "--no-such-option");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Unknown option: '--no-such-option'"), unknown.err());
        assertTrue(unknown.err().contains("Usage: tregflow run"), unknown.err());
    }
}
