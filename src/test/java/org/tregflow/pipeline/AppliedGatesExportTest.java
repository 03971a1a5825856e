package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsReader;
import org.tregflow.gating.Population;
import org.tregflow.gatingml.GatingMlDocument;
import org.tregflow.gatingml.GatingMlEventSource;
import org.tregflow.gatingml.GatingMlReader;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.stats.PopulationStats;
import org.tregflow.stats.SampleResult;

/**
 * Every gate applied to a file is written as Gating-ML with the file's detector names; read back and applied by the
 * Gating-ML reader's own event source (its own compensation and exact transforms), it finds the same populations.
 */
class AppliedGatesExportTest {
    @TempDir
    Path dir;

    @Test
    void exportedGatesReproduceThePopulations() throws Exception {
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
            // Float versus double compensation and the fast versus exact logicle may move an event on a boundary.
            assertEquals(p.count(), theirs.count(), 3 + 0.002 * p.count(), p.population());
        }
        assertEquals(10, s.populations().size());
    }
}
