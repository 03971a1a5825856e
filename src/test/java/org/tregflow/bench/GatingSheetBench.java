package org.tregflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tregflow.report.GatingSheet;
import org.tregflow.report.TregSample;
import org.tregflow.simulate.Visit;

/**
 * Time to write one sample's gating sheet (9 plots: 7 pseudocolour, 2 histograms; SVG + PNG) for a gated
 * 1,000,000-event file whose columns the gates already computed, as in the pipeline:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main GatingSheetBench}.
 * Target: well under a second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class GatingSheetBench {
    @Param({"1000000"})
    int events;

    TregSample sample;
    Path dir;

    @Setup
    public void setup() throws IOException {
        sample = new TregSample(events, 0, Visit.AFTER_CYCLE_4);
        dir = Files.createTempDirectory("sheet-bench");
    }

    @Benchmark
    public GatingSheet.SheetFiles sheet() throws IOException {
        return GatingSheet.write("P01_C4.fcs", "benchmark", sample.source, sample.steps, dir);
    }

    @Benchmark
    public List<?> layoutOnly() {
        return GatingSheet.layoutForBench(sample.source, sample.steps);
    }
}
