package org.tregflow.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.tregflow.compensation.Compensator;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.EventTable;

/**
 * 1,000,000 events, a 13-channel spillover matrix (dense-ish, as on a 13-colour Aria panel), 8 wanted channels.
 * {@code compensate} is the shipped blocked column-wise loop; {@code naiveRowWise} is the textbook per-event
 * row-vector times matrix, kept as the baseline the optimisation is measured against.
 * Run: java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main CompensationBench -f 1 -wi 3 -i 5
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompensationBench {
    private static final int EVENTS = 1_000_000;
    private static final int CHANNELS = 13;

    private EventTable table;
    private SpilloverMatrix matrix;
    private List<String> wanted;
    private double[][] inverse;
    private float[][] columns;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(11);
        List<Channel> channels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        columns = new float[CHANNELS][EVENTS];
        double[][] s = new double[CHANNELS][CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            names.add("FL" + (i + 1) + "-A");
            channels.add(Channel.ofFloat(i + 1, names.get(i), null, 262144));
            for (int e = 0; e < EVENTS; e++) {
                columns[i][e] = (float) Math.exp(4 + 2 * rng.nextGaussian());
            }
            for (int j = 0; j < CHANNELS; j++) {
                s[i][j] = i == j ? 1 : (Math.abs(i - j) <= 3 ? 0.3 * rng.nextDouble() : 0.02 * rng.nextDouble());
            }
        }
        table = new EventTable(channels, columns, EVENTS);
        matrix = new SpilloverMatrix(names, s);
        wanted = List.of(names.get(0), names.get(2), names.get(3), names.get(5), names.get(7), names.get(8),
                names.get(10), names.get(12));
        inverse = matrix.inverse();
    }

    @Benchmark
    public float[][] compensate() {
        return Compensator.compensate(table, matrix, wanted);
    }

    @Benchmark
    public float[][] naiveRowWise() {
        int[] cols = {0, 2, 3, 5, 7, 8, 10, 12};
        float[][] out = new float[cols.length][EVENTS];
        double[] x = new double[CHANNELS];
        for (int e = 0; e < EVENTS; e++) {
            for (int i = 0; i < CHANNELS; i++) {
                x[i] = columns[i][e];
            }
            for (int j = 0; j < cols.length; j++) {
                double sum = 0;
                for (int i = 0; i < CHANNELS; i++) {
                    sum += x[i] * inverse[i][cols[j]];
                }
                out[j][e] = (float) sum;
            }
        }
        return out;
    }
}
