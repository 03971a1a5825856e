package org.tregflow.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tregflow.fcs.FcsWriter;
import org.tregflow.gating.Population;
import org.tregflow.report.GatingStep;
import org.tregflow.simulate.EventCategory;
import org.tregflow.simulate.SimulatedSample;

/**
 * How well a pipeline's Lymphocytes gate separates the simulated categories, from the events' labels: the share of
 * live singlet lymphocytes inside it (recall) and the share of the gate made of debris, monocytes and granulocytes
 * (contamination; dying cells and doublets are left to the Live and Singlets gates).
 */
public record LymphocyteGateAccuracy(String file, double recall, double contamination, String gate) {
    public static LymphocyteGateAccuracy of(SampleAnalyzer analyzer, SimulatedSample s, Path dir) throws Exception {
        Path fcs = dir.resolve(s.fileName());
        FcsWriter.write(fcs, s.events(), s.keywords(), s.spillover());
        SampleAnalyzer.Analysis a;
        try {
            a = analyzer.analyze(fcs);
        } finally {
            Files.delete(fcs);
        }
        Population gate = a.view().steps().stream().filter(st -> st.population().equals("Lymphocytes"))
                .map(GatingStep::events).findFirst().orElseThrow();
        long live = 0;
        long liveIn = 0;
        long in = 0;
        long wrong = 0;
        for (int e = 0; e < s.events().eventCount(); e++) {
            EventCategory c = s.category(e);
            boolean inside = gate.contains(e);
            in += inside ? 1 : 0;
            if (c.isLiveSingletLymphocyte()) {
                live++;
                liveIn += inside ? 1 : 0;
            } else if (inside && (c == EventCategory.DEBRIS || c == EventCategory.MONOCYTE
                    || c == EventCategory.GRANULOCYTE)) {
                wrong++;
            }
        }
        String record = a.gates().stream().filter(r -> r.population().equals("Lymphocytes")).findFirst().orElseThrow()
                .parameters();
        return new LymphocyteGateAccuracy(s.fileName(), liveIn / (double) live, wrong / (double) Math.max(1, in),
                record);
    }
}
