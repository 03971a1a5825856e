package org.tregflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tregflow.output.RunManifest;
import org.tregflow.output.Tables;
import org.tregflow.stats.EndpointSpec;
import org.tregflow.stats.GateRecord;
import org.tregflow.stats.PopulationStats;
import org.tregflow.stats.SampleInfo;
import org.tregflow.stats.SampleResult;

/**
 * Building and writing all tables for a large trial: 200 patients x 8 visits (1,600 files) x 12 populations
 * with 6 marker medians (19,200 population rows). Scores are milliseconds per run of the whole output stage.
 * Run: java --add-opens=java.base/java.nio=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat target/cp.txt)
 *      org.openjdk.jmh.Main TablesBench -f 1 -wi 3 -i 5
 * (target/cp.txt: mvn -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dio.netty.noUnsafe=false"})
public class TablesBench {
    private static final List<String> MARKERS = List.of("CD3", "CD4", "CD25", "CD127", "FOXP3", "CD56");
    private static final EndpointSpec SPEC = new EndpointSpec("P11", "pct_parent", "V0", "V7", 2.0, 100);

    private List<SampleResult> results;
    private List<String> populations;
    private RunManifest manifest;
    private Path out;

    @Setup
    public void setUp() throws IOException {
        SplittableRandom rng = new SplittableRandom(7);
        populations = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            populations.add("P" + p);
        }
        results = new ArrayList<>();
        for (int patient = 0; patient < 200; patient++) {
            for (int visit = 0; visit < 8; visit++) {
                List<PopulationStats> pops = new ArrayList<>();
                List<GateRecord> gates = new ArrayList<>();
                long parent = 100_000;
                for (int p = 0; p < 12; p++) {
                    long count = (long) (parent * (0.3 + 0.6 * rng.nextDouble()));
                    Map<String, Double> medians = Map.of("CD3", rng.nextDouble() * 1e4, "CD4", rng.nextDouble(),
                            "CD25", rng.nextDouble() * 1e3, "CD127", rng.nextDouble(), "FOXP3", 1.0,
                            "CD56", rng.nextDouble() * 1e5);
                    pops.add(new PopulationStats("P" + p, "/P" + p, p == 0 ? null : "P" + (p - 1), count, parent,
                            100_000, medians));
                    gates.add(new GateRecord("P" + p, "density_valley", "CD" + p, "k=3.0",
                            "min=" + rng.nextDouble()));
                    parent = count;
                }
                String file = "patient" + patient + "/V" + visit + ".fcs";
                results.add(new SampleResult(file, file, Long.toHexString(rng.nextLong()), SampleResult.OK, null,
                        100_000, "3.1", "Bench", new SampleInfo("P" + patient, "V" + visit,
                        patient % 2 == 0 ? "IL-2" : "placebo", (double) visit, visit * 14.0), pops, gates, List.of()));
            }
        }
        manifest = RunManifest.of(null, Instant.now(), Instant.now(), results, Map.of(), List.of());
        out = Files.createTempDirectory("tregflow-tables-bench");
    }

    @Benchmark
    public Object buildInMemory() {
        return Tables.build(results, populations, MARKERS, SPEC);
    }

    @Benchmark
    public Object buildAndWriteAll() throws IOException {
        return Tables.writeAll(out, results, populations, MARKERS, SPEC, manifest);
    }
}
