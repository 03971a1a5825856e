package org.tregflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tregflow.pipeline.ColumnPool;
import org.tregflow.pipeline.CompiledPipeline;
import org.tregflow.pipeline.SampleAnalyzer;

/**
 * A pipeline's analysis of one file (the default pipeline unless one is given), repeated in one JVM, timed by the
 * analysing thread's CPU time (the machine is shared, so wall time measures the load): prints, per run, the thread
 * CPU ms of the whole analysis and the per-stage thread CPU ms, then the best of each (best = least disturbed by
 * other processes).
 * Run: java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) org.tregflow.bench.AnalyzeCpuBench
 * FILE.fcs [RUNS [PIPELINE.yaml]]
 */
public final class AnalyzeCpuBench {
    private AnalyzeCpuBench() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path pipeline = args.length > 2 ? Path.of(args[2]) : Path.of("pipelines", "ld-il2-treg-nk.yaml");
        SampleAnalyzer analyzer = new SampleAnalyzer(CompiledPipeline.load(pipeline), true);
        Map<String, Long> best = new LinkedHashMap<>();
        long bestCpu = Long.MAX_VALUE;
        // As a batch worker does: the columns of one run are lent again to the next (pipeline.ColumnPool).
        ColumnPool columns = new ColumnPool();
        for (int r = 0; r < runs; r++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            SampleAnalyzer.Analysis a = analyzer.analyze(file, columns);
            columns.release();
            long ms = (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000;
            bestCpu = Math.min(bestCpu, ms);
            a.timingsMs().forEach((k, v) -> best.merge(k, v, Math::min));
            System.out.println("run " + r + ": cpu " + ms + " ms, stages " + a.timingsMs());
        }
        System.out.println("best: cpu " + bestCpu + " ms, stages " + best);
    }
}
