package org.tregflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsFile;
import org.tregflow.fcs.FcsReader;
import org.tregflow.fcs.FcsWriter;
import org.tregflow.fcs.Keywords;

/**
 * Reading a 1,000,000-event x 16-channel float FCS file (64 MB of DATA) into columns, single-threaded. The file is
 * written once per trial with FcsWriter into a temporary folder and stays in the page cache, so this measures decode
 * speed, not the disk. Run:
 * <pre>
 *   mvn -B -ntp -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.tregflow.bench.ReadBench
 * </pre>
 * MB/s = 64 / (ms per op / 1000); events/s = 1e6 / (s per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ReadBench {
    static final int EVENTS = 1_000_000;
    static final int CHANNELS = 16;

    private Path dir;
    private Path file;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("tregflow-readbench");
        file = dir.resolve("bench-1M-x16.fcs");
        SplittableRandom rnd = new SplittableRandom(7);
        List<Channel> channels = new ArrayList<>();
        float[][] cols = new float[CHANNELS][EVENTS];
        for (int c = 0; c < CHANNELS; c++) {
            channels.add(Channel.ofFloat(c + 1, "CH" + (c + 1), null, 262144));
            for (int e = 0; e < EVENTS; e++) {
                cols[c][e] = (float) (rnd.nextDouble() * 262144 - 1000);
            }
        }
        FcsWriter.write(file, new EventTable(channels, cols, EVENTS), new Keywords(), null);
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public FcsFile read1MEventsX16Float() throws IOException {
        return FcsReader.read(file);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ReadBench.class.getSimpleName()).build()).run();
    }
}
