package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsReader;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;

/** The default pipeline decodes the channels it gates, reports or compensates with, and no other. */
class NeededChannelsTest {
    @Test
    void theDefaultPipelineSkipsTheHeightWidthAndTimeColumnsItNeverReads(@TempDir Path dir) throws Exception {
        SampleAnalyzer analyzer = new SampleAnalyzer(CompiledPipeline.load(Path.of("pipelines", "ld-il2-treg-nk.yaml")));
        // A 16-parameter file as a BD instrument exports it: FSC and SSC as -A, -H and -W, and Time.
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(2_000).withChannels(16)
                .withOnly(List.of("P01_V0"))).write(dir);
        FcsDataset ds = FcsReader.read(dir.resolve("P01_V0.fcs")).first();
        boolean[] needed = analyzer.neededChannels(ds.events().channels(), ds.spillover());
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < needed.length; i++) {
            if (!needed[i]) {
                skipped.add(ds.events().channel(i).name());
            }
        }
        // FSC-A, FSC-H, SSC-A and the nine fluorescence channels (all in the spillover matrix) are read.
        assertEquals(List.of("FSC-W", "SSC-H", "SSC-W", "Time"), skipped);
    }

    @Test
    void aPanelThatDoesNotResolveDecodesEverythingSoTheAnalysisCanSayWhy() throws Exception {
        SampleAnalyzer analyzer = new SampleAnalyzer(CompiledPipeline.load(Path.of("pipelines", "ld-il2-treg-nk.yaml")));
        FcsDataset ds = FcsReader.read(Path.of("sample-data", "P01_V0.fcs")).first();
        // Only the scatter channels: no marker of the panel resolves.
        boolean[] needed = analyzer.neededChannels(ds.events().channels().subList(0, 3), null);
        for (boolean b : needed) {
            assertEquals(true, b);
        }
    }
}
