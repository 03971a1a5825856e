package org.tregflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tregflow.pipeline.CompiledPipeline;
import org.tregflow.pipeline.LymphocyteGateAccuracy;
import org.tregflow.pipeline.SampleAnalyzer;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.simulate.Visit;

/**
 * The lymphocyte gate of a pipeline against the simulation's labels, file by file (recall of live singlet
 * lymphocytes, contamination by debris, monocytes and granulocytes, the gate record) and the mixture's CPU time.
 * Usage: {@code MixtureAccuracyBench [pipeline.yaml] [events] [patients] [seed]}.
 */
public final class MixtureAccuracyBench {
    public static void main(String[] args) throws Exception {
        Path pipeline = Path.of(args.length > 0 ? args[0] : "pipelines/ld-il2-treg-nk.yaml");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int patients = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        CohortSimulator sim = new CohortSimulator(CohortConfig.defaults().withEvents(events).withPatients(patients)
                .withSeed(seed));
        Path dir = Files.createTempDirectory("mixture-accuracy");
        double minRecall = 1;
        double maxContamination = 0;
        try {
            SampleAnalyzer analyzer = new SampleAnalyzer(CompiledPipeline.load(pipeline));
            for (int p = 0; p < patients; p++) {
                for (Visit v : sim.config().visits()) {
                    LymphocyteGateAccuracy a = LymphocyteGateAccuracy.of(analyzer, sim.simulate(p, v), dir);
                    minRecall = Math.min(minRecall, a.recall());
                    maxContamination = Math.max(maxContamination, a.contamination());
                    System.out.printf("%s recall %.4f contamination %.4f  %s%n", a.file(), a.recall(),
                            a.contamination(), a.gate());
                }
            }
        } finally {
            Files.delete(dir);
        }
        System.out.printf("lowest recall %.4f, highest contamination %.4f%n", minRecall, maxContamination);
    }
}
