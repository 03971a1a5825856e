package org.tregflow.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    @Test
    void everyHelpTextIsAValidFormatString() {
        // picocli formats the annotations' descriptions with String.format: a bare '%' falls back to the raw text
        // with a warning on every --help.
        List<String> texts = new ArrayList<>();
        for (CommandLine sub : FULL.getSubcommands().values()) {
            for (Class<?> c = sub.getCommand().getClass(); c != null; c = c.getSuperclass()) {
                CommandLine.Command command = c.getAnnotation(CommandLine.Command.class);
                if (command != null) {
                    texts.addAll(List.of(command.description()));
                }
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
                    CommandLine.Parameters p = f.getAnnotation(CommandLine.Parameters.class);
                    texts.addAll(List.of(o != null ? o.description() : p != null ? p.description() : new String[0]));
                }
            }
        }
        assertTrue(texts.size() > 30, texts.toString());
        for (String t : texts) {
            assertDoesNotThrow(() -> String.format(Locale.ROOT, t), t);
        }
    }
}
