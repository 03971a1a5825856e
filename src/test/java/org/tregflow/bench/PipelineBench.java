package org.tregflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tregflow.pipeline.CompiledPipeline;
import org.tregflow.pipeline.Pipeline;
import org.tregflow.pipeline.RunRequest;
import org.tregflow.pipeline.RunResult;
import org.tregflow.pipeline.SampleAnalyzer;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;

/**
 * One 1,000,000-event, 16-channel simulated file through the default pipeline ({@code pipelines/ld-il2-treg-nk.yaml},
 * run from the project root): {@code analyze} is read + panel + compensate + transform + gates + statistics on one
 * thread; {@code runWithTables} adds hashing and writing every table and the manifest. Per-stage times of each
 * file are also in the run's manifest ({@code timings_ms}).
 * Run: java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main PipelineBench -f 1 -wi 2 -i 3
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dio.netty.noUnsafe=false", "-Xmx3g"})
public class PipelineBench {
    private Path dir;
    private Path file;
    private CompiledPipeline pipeline;
    private SampleAnalyzer analyzer;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("tregflow-pipeline-bench");
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(1_000_000).withChannels(16)
                .withOnly(List.of("P01_V0"))).write(dir);
        file = dir.resolve("P01_V0.fcs");
        pipeline = CompiledPipeline.load(Path.of("pipelines", "ld-il2-treg-nk.yaml"));
        analyzer = new SampleAnalyzer(pipeline);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public SampleAnalyzer.Analysis analyze() throws Exception {
        return analyzer.analyze(file);
    }

    @Benchmark
    public RunResult runWithTables() throws Exception {
        return Pipeline.run(new RunRequest(pipeline.source(), List.of(file), null, null, null, dir.resolve("out"), 1, null));
    }
}
