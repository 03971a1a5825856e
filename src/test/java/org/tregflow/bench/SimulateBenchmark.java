package org.tregflow.bench;

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
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.simulate.SimulatedSample;
import org.tregflow.simulate.Visit;

/**
 * Time to generate one file in memory (no disk): {@code java -cp ... org.openjdk.jmh.Main SimulateBenchmark}.
 * The target is well under a second for 1,000,000 events x 16 channels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SimulateBenchmark {
    @Param({"1000000"})
    int events;

    @Param({"16"})
    int channels;

    CohortSimulator sim;

    @Setup
    public void setup() {
        sim = new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(events).withChannels(channels));
    }

    @Benchmark
    public SimulatedSample oneFile() {
        return sim.simulate(0, Visit.BASELINE);
    }
}
