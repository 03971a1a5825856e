package org.tregflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.tregflow.gating.GeometricGate;
import org.tregflow.pipeline.CompiledPipeline;
import org.tregflow.pipeline.SampleAnalyzer;
import org.tregflow.report.GatingStep;

/**
 * Each gate of the default pipeline applied to its parent as the analysis of a real file left them (values
 * transformed, thresholds found), timed by the thread's CPU time, best of many: what a gate type costs on the
 * parent densities of the pipeline, which synthetic JMH parents do not show.
 * Run: java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) org.tregflow.bench.GatesCpuBench FILE.fcs [REPEATS]
 */
public final class GatesCpuBench {
    private GatesCpuBench() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        SampleAnalyzer analyzer = new SampleAnalyzer(CompiledPipeline.load(Path.of("pipelines", "ld-il2-treg-nk.yaml")));
        SampleAnalyzer.Analysis a = null;
        for (int i = 0; i < 5; i++) {
            a = analyzer.analyze(Path.of(args[0]));
        }
        for (int round = 0; round < 3; round++) { // the first rounds warm up the gates' loops
            double total = 0;
            for (GatingStep s : a.view().steps()) {
                if (!(s.gate() instanceof GeometricGate g)) {
                    continue;
                }
                long best = Long.MAX_VALUE;
                for (int r = 0; r < repeats; r++) {
                    long c0 = cpu.getCurrentThreadCpuTime();
                    g.apply(a.view().source(), s.parentEvents());
                    best = Math.min(best, cpu.getCurrentThreadCpuTime() - c0);
                }
                total += best / 1e6;
                if (round == 2) {
                    System.out.printf("%-12s %-14s parent %8d  %7.3f ms  %5.1f ns/event%n", s.population(),
                            g.getClass().getSimpleName(), s.parentEvents().count(), best / 1e6,
                            (double) best / Math.max(1, s.parentEvents().count()));
                }
            }
            if (round == 2) {
                System.out.printf("all gates %.2f ms%n", total);
            }
        }
    }
}
