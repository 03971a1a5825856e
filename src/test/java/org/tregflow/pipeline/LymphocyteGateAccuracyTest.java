package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.simulate.Visit;

/**
 * The default pipeline's lymphocyte ellipse against the simulation's labels, on every file of a cohort larger
 * than the mixture's 10,000-event sample: it keeps the live lymphocytes an ellipse of radius 2.5 should (95.6% of
 * a Gaussian cluster; the simulated cluster is not quite one) and takes in next to no debris, monocytes or
 * granulocytes. The gate before (4 components, the picked one alone, EM stopped at 60 iterations) kept 94.1-94.6%
 * of the lymphocytes in 8 of these 24 files (`MixtureAccuracyBench` prints the figures per file).
 */
class LymphocyteGateAccuracyTest {
    @Test
    void lymphocyteGateKeepsLymphocytesAndLeavesOtherCells(@TempDir Path dir) throws Exception {
        SampleAnalyzer analyzer = new SampleAnalyzer(CompiledPipeline.load(Path.of("pipelines", "ld-il2-treg-nk.yaml")));
        CohortSimulator sim = new CohortSimulator(CohortConfig.defaults().withEvents(40_000));
        List<String> problems = new ArrayList<>();
        for (int p = 0; p < sim.patients().size(); p++) {
            for (Visit v : sim.config().visits()) {
                LymphocyteGateAccuracy a = LymphocyteGateAccuracy.of(analyzer, sim.simulate(p, v), dir);
                if (a.recall() < 0.95 || a.contamination() > 0.001) {
                    problems.add(a.toString());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** merge: false gates the picked component alone; by default a split cluster is gated whole. */
    @Test
    void mergeFalseKeepsThePickedComponentAlone(@TempDir Path dir) throws Exception {
        Path defaults = Path.of("pipelines", "ld-il2-treg-nk.yaml");
        String yaml = Files.readString(defaults);
        assertTrue(yaml.contains("    components: 5\n"));
        Path unmerged = dir.resolve("unmerged.yaml");
        Files.writeString(unmerged, yaml.replace("    components: 5\n", "    components: 5\n    merge: false\n"));
        SampleAnalyzer merging = new SampleAnalyzer(CompiledPipeline.load(defaults));
        SampleAnalyzer alone = new SampleAnalyzer(CompiledPipeline.load(unmerged));
        CohortSimulator sim = new CohortSimulator(CohortConfig.defaults().withEvents(20_000).withPatients(2));
        int mergedSomewhere = 0;
        for (int p = 0; p < sim.patients().size(); p++) {
            for (Visit v : sim.config().visits()) {
                LymphocyteGateAccuracy a = LymphocyteGateAccuracy.of(alone, sim.simulate(p, v), dir);
                assertTrue(a.gate().contains(" merged=1 "), a.gate());
                LymphocyteGateAccuracy b = LymphocyteGateAccuracy.of(merging, sim.simulate(p, v), dir);
                mergedSomewhere += b.gate().contains(" merged=1 ") ? 0 : 1;
            }
        }
        assertTrue(mergedSomewhere > 0, "no file had its lymphocytes split between components");
    }
}
