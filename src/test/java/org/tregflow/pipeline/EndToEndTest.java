package org.tregflow.pipeline;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.simulate.CohortTruth;
import org.tregflow.simulate.FileTruth;
import org.tregflow.stats.PopulationStats;

class EndToEndTest {
    @TempDir
    Path dir;

    @Test
    void diagnostic() throws Exception {
        CohortConfig cfg = CohortConfig.defaults().withPatients(4).withEvents(100_000).withSeed(777);
        CohortTruth truth = new CohortSimulator(cfg).write(dir);
        CompiledPipeline p = CompiledPipeline.load(Path.of("pipelines/ld-il2-treg-nk.yaml"));
        SampleAnalyzer a = new SampleAnalyzer(p);
        for (FileTruth t : truth.files()) {
            SampleAnalyzer.Analysis r = a.analyze(dir.resolve(t.file()));
            System.out.printf(Locale.ROOT, "%s %s%n", t.file(), r.timingsMs());
            row("Lymph/total", t.pctLymphocytesOfTotal(), r, "Live", true);
            row("T/lymph", t.pctTOfLymphocytes(), r, "T cells", false);
            row("CD4/T", t.pctCd4OfT(), r, "CD4+", false);
            row("Treg/CD4", t.pctTregOfCd4(), r, "Treg", false);
            row("CD25hi/Treg", t.pctCd25hiOfTreg(), r, "CD25hi Treg", false);
            row("NK/lymph", t.pctNkOfLymphocytes(), r, "NK cells", false);
            row("bright/NK", t.pctCd56brightOfNk(), r, "CD56bright", false);
            row("dim/NK", t.pctCd56dimOfNk(), r, "CD56dim", false);
            r.warnings().forEach(w -> System.out.println("   WARN " + w));
            r.gates().forEach(g -> System.out.println("   GATE " + g));
        }
    }

    private static void row(String label, double truth, SampleAnalyzer.Analysis r, String pop, boolean total) {
        PopulationStats s = r.populations().stream().filter(x -> x.population().equals(pop)).findFirst().orElseThrow();
        double v = total ? s.pctTotal() : s.pctParent();
        System.out.printf(Locale.ROOT, "   %-12s truth %7.3f ours %7.3f  diff %+6.3f  (n=%d)%n", label, truth, v, v - truth, s.count());
    }
}
