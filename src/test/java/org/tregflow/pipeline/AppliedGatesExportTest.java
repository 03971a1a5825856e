package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsReader;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.GeometricGate;
import org.tregflow.gating.Population;
import org.tregflow.gatingml.GatingMlDocument;
import org.tregflow.gatingml.GatingMlEventSource;
import org.tregflow.gatingml.GatingMlReader;
import org.tregflow.gatingml.GatingMlWriter;
import org.tregflow.report.GatingStep;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.stats.PopulationStats;
import org.tregflow.stats.SampleResult;

/**
 * Every gate applied to a file is written as Gating-ML with the file's detector names; read back and applied by the
 * Gating-ML reader's own event source (double compensation, exact transforms), it finds the pipeline's populations
 * event for event. The pipeline gates fast values (float compensation, fast logicle) and judges the events near a
 * boundary again on their exact values; the second test holds its sources to the error bound this relies on.
 */
class AppliedGatesExportTest {
    private static SampleAnalyzer analyzer;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadPipeline() throws PipelineException {
        analyzer = new SampleAnalyzer(CompiledPipeline.load(Path.of("pipelines", "ld-il2-treg-nk.yaml")));
    }

    static Stream<Path> sampleData() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            List<Path> fcs = files.filter(p -> p.toString().endsWith(".fcs")).sorted().toList();
            assertEquals(24, fcs.size(), "sample-data holds 6 patients x 4 visits");
            return fcs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleData")
    void reimportedGatesGiveTheRunsMembership(Path file) throws Exception {
        SampleAnalyzer.Analysis a = analyzer.analyze(file);
        GatingMlDocument doc = GatingMlReader.read(GatingMlWriter.toXml(a.appliedGates()));
        FcsDataset ds = FcsReader.read(file).first();
        Map<String, Population> theirs = doc.gates().evaluate(
                new GatingMlEventSource(ds.events(), ds.spillover(), doc.matrices()));
        List<GatingStep> steps = a.view().steps();
        assertEquals(a.populations().size(), steps.size(), "every population was gated and exported");
        AppliedGates ids = new AppliedGates(m -> m, Dimension.FCS);
        for (GatingStep step : steps) {
            Population p = theirs.get(ids.id(step.population()));
            assertNotNull(p, step.population() + " in " + theirs.keySet());
            assertTrue(step.events().count() > 0, step.population());
            assertEquals(step.events(), p, () -> step.population() + ": " + step.events().count() + " events in "
                    + "the run, " + p.count() + " from the exported gates, "
                    + step.events().andNot(p).or(p.andNot(step.events())).count() + " differ");
        }
    }

    /** The fast values the gates read lie within their stated error of the exact values, for every event read. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleData")
    void fastValuesAreWithinTheirStatedError(Path file) throws Exception {
        SampleAnalyzer.Analysis a = analyzer.analyze(file);
        EventSource source = a.view().source();
        int checked = 0;
        int approximate = 0;
        for (GatingStep step : a.view().steps()) {
            if (!(step.gate() instanceof GeometricGate g)) {
                continue;
            }
            for (Dimension d : g.dimensions()) {
                float[] fast = source.values(d);
                double error = source.error(d);
                assertTrue(error > 0 && error < 4e-6, d + ": error " + error);
                double worst = 0;
                for (int i : step.parentEvents().indices()) { // the events the gate looked at
                    worst = Math.max(worst, Math.abs(fast[i] - source.exactValue(d, i)));
                }
                assertTrue(worst <= error, d + ": worst " + worst + " > stated " + error);
                checked++;
                approximate += worst > 0 ? 1 : 0;
            }
        }
        assertTrue(checked >= 14, "axes checked: " + checked);
        // FSC / 2^18 is exact in float; the logicle axes are not: the recheck has work to do.
        assertTrue(approximate >= 8, approximate + " of " + checked + " axes differ from their exact values");
    }

    /**
     * A gating sheet plots each step's parent events on the step's axes; a boolean gate's axes are its operands',
     * whose values were transformed for the operands' own (narrower) parents: the step's are transformed too.
     */
    @Test
    void everyPlottedEventHasItsValue() throws Exception {
        String fixed = Files.readString(Path.of("pipelines", "ld-il2-treg-nk-fixed.yaml"));
        String withBoolean = fixed.replace("\nstatistics:", """

                  - name: not CD4+
                    parent: Live
                    method: boolean
                    op: not
                    of: [CD4+]

                statistics:""");
        Path pipeline = dir.resolve("with-boolean.yaml");
        Files.writeString(pipeline, withBoolean);
        SampleAnalyzer.Analysis a = new SampleAnalyzer(CompiledPipeline.load(pipeline))
                .analyze(Path.of("sample-data", "P02_C4.fcs"));
        EventSource source = a.view().source();
        GatingStep not = a.view().steps().stream().filter(s -> s.population().equals("not CD4+")).findFirst()
                .orElseThrow();
        assertEquals(List.of("CD4", "CD8"), not.axes().stream().map(Dimension::name).toList());
        for (GatingStep step : a.view().steps()) {
            for (Dimension d : step.axes()) {
                float[] values = source.values(d);
                for (int i : step.parentEvents().indices()) {
                    assertTrue(Math.abs(values[i] - source.exactValue(d, i)) <= source.error(d),
                            step.population() + " " + d.name() + " event " + i);
                }
            }
        }
    }

    @Test
    void writtenGatesReproduceTheRunsCounts() throws Exception {
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(30_000).withSeed(8)
                .withOnly(List.of("P01_C4"))).write(dir.resolve("c"));
        Path file = dir.resolve("c/P01_C4.fcs");
        RunResult r = Pipeline.run(new RunRequest(Path.of("pipelines/ld-il2-treg-nk.yaml"), List.of(file), null, null,
                null, dir.resolve("out"), 1, null));
        SampleResult s = r.samples().get(0);
        assertTrue(s.ok(), s.error());
        Path xml = dir.resolve("out").resolve(Pipeline.GATES_FOLDER).resolve("P01_C4.fcs.gating-ml.xml");
        String text = Files.readString(xml);
        assertTrue(text.contains("BV510-A") && text.contains("CD4pos") && text.contains("T_cells"), text);
        GatingMlDocument doc = GatingMlReader.read(xml);
        FcsDataset ds = FcsReader.read(file).first();
        Map<String, Population> pops = doc.gates().evaluate(new GatingMlEventSource(ds.events(), ds.spillover(), doc.matrices()));
        Map<String, String> ids = Map.of("Lymphocytes", "Lymphocytes", "Singlets", "Singlets", "Live", "Live",
                "T cells", "T_cells", "CD4+", "CD4pos", "Treg", "Treg", "CD25hi Treg", "CD25hi_Treg", "NK cells", "NK_cells",
                "CD56bright", "CD56bright", "CD56dim", "CD56dim");
        for (PopulationStats p : s.populations()) {
            Population theirs = pops.get(ids.get(p.population()));
            assertNotNull(theirs, p.population());
            assertEquals(p.count(), theirs.count(), p.population());
        }
        assertEquals(10, s.populations().size());
    }
}
