package org.tregflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tregflow.fcs.FcsException;
import org.tregflow.fcs.FcsReader;
import org.tregflow.pipeline.CompiledPipeline;
import org.tregflow.pipeline.InputDiscovery;
import org.tregflow.pipeline.PanelException;
import org.tregflow.pipeline.PanelResolver;
import org.tregflow.pipeline.PipelineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tregflow validate}: checks a pipeline (and optionally the panels of files) without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a pipeline definition without running it: YAML keys and types (with line numbers), gate "
                + "tree, markers, method parameters.",
                "With INPUT files or folders, also resolve every file's panel from its TEXT segment (no data decoded) "
                + "and report every mismatch together.",
                "Exit codes: 0 valid, 1 valid but some files do not fit the panel, 2 invalid."})
public final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--pipeline", paramLabel = "FILE", required = true, description = "The pipeline to check.")
    Path pipeline;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "FCS files or folders whose panels to check.")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CompiledPipeline p;
        try {
            p = CompiledPipeline.load(pipeline);
        } catch (PipelineException e) {
            err.println(pipeline + ": invalid pipeline:");
            e.problems().forEach(m -> err.println("  " + m));
            return 2;
        }
        out.printf("%s: valid (%d gates: %s)%n", pipeline, p.populationOrder().size(), String.join(", ", p.populationOrder()));
        if (inputs.isEmpty()) {
            return 0;
        }
        InputDiscovery.Inputs found = InputDiscovery.discover(inputs);
        found.problems().forEach(m -> err.println("  " + m));
        PanelResolver resolver = new PanelResolver(p.definition().panel());
        int bad = 0;
        for (Path f : found.files()) {
            try {
                resolver.resolve(PanelResolver.channelsOf(FcsReader.readText(f)));
            } catch (FcsException | PanelException e) {
                bad++;
                err.println(f + ": " + e.getMessage());
            }
        }
        out.printf("%d of %d files fit the panel%n", found.files().size() - bad, found.files().size());
        return bad == 0 && found.problems().isEmpty() ? 0 : 1;
    }
}
