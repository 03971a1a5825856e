package org.tregflow.bench;

import java.util.HashMap;
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
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EllipsoidGate;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.PolygonGate;
import org.tregflow.gating.Population;
import org.tregflow.gating.QuadrantGate;
import org.tregflow.gating.RectangleGate;

/**
 * Gate membership over 1,000,000 events inside a parent holding ~50% of them. Each operation gates all events once,
 * so events/s = 1e6 / (seconds per op). Run: {@code java -cp ... org.openjdk.jmh.Main GateBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GateBench {
    static final int N = 1_000_000;

    Population parent;
    Source source;
    RectangleGate rectangle;
    RectangleGate range;
    PolygonGate polygon;
    EllipsoidGate ellipse;
    BooleanGate bool;
    QuadrantGate quadrant;
    Map<String, Population> known;

    FloatSource floatSource;
    FastSource fastSource;

    /** Float columns whose doubles are the widened floats, as the pipeline's marker source (float path). */
    static final class FloatSource implements EventSource {
        final Map<String, float[]> cols = new HashMap<>();

        @Override
        public int eventCount() {
            return N;
        }

        @Override
        public float[] values(Dimension d) {
            return cols.get(d.name());
        }

        @Override
        public boolean floatExact(Dimension d) {
            return true;
        }
    }

    /**
     * Float columns with a stated error, as the pipeline's marker source (fast values: events within the error of
     * a boundary are judged again on their exact values, here the same floats). 1e-3 on this 0-1000 scale is the
     * pipeline's 1e-6 on its 0-1 scale.
     */
    static final class FastSource implements EventSource {
        final FloatSource floats;

        FastSource(FloatSource floats) {
            this.floats = floats;
        }

        @Override
        public int eventCount() {
            return N;
        }

        @Override
        public float[] values(Dimension d) {
            return floats.values(d);
        }

        @Override
        public boolean floatExact(Dimension d) {
            return true;
        }

        @Override
        public double error(Dimension d) {
            return 1e-3;
        }

        @Override
        public double exactValue(Dimension d, int event) {
            return floats.values(d)[event];
        }
    }

    /** Precomputed double columns, as a caching event source holds them. */
    static final class Source implements EventSource {
        final Map<String, double[]> cols = new HashMap<>();

        @Override
        public int eventCount() {
            return N;
        }

        @Override
        public float[] values(Dimension d) {
            throw new UnsupportedOperationException("the gates read doubleValues");
        }

        @Override
        public double[] doubleValues(Dimension d) {
            return cols.get(d.name());
        }
    }

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        source = new Source();
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = rnd.nextDouble() * 1000;
            y[i] = rnd.nextDouble() * 1000;
        }
        source.cols.put("x", x);
        source.cols.put("y", y);
        floatSource = new FloatSource();
        float[] fx = new float[N];
        float[] fy = new float[N];
        for (int i = 0; i < N; i++) {
            fx[i] = (float) x[i];
            fy[i] = (float) y[i];
        }
        floatSource.cols.put("x", fx);
        floatSource.cols.put("y", fy);
        fastSource = new FastSource(floatSource);
        long[] w = new long[Population.wordCount(N)];
        for (int i = 0; i < N; i++) {
            if (rnd.nextBoolean()) {
                w[i >>> 6] |= 1L << i;
            }
        }
        parent = Population.ofWords(w, N);
        Dimension dx = Dimension.uncompensated("x");
        Dimension dy = Dimension.uncompensated("y");
        rectangle = new RectangleGate("rect", "p", List.of(new RectangleGate.Range(dx, 200, 700),
                new RectangleGate.Range(dy, 100, 600)));
        range = RectangleGate.range("range", "p", dx, 400, Double.POSITIVE_INFINITY);
        List<PolygonGate.Vertex> octagon = new java.util.ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double a = 2 * Math.PI * k / 8;
            octagon.add(new PolygonGate.Vertex(500 + 300 * Math.cos(a), 500 + 300 * Math.sin(a)));
        }
        polygon = new PolygonGate("poly", "p", dx, dy, octagon);
        ellipse = new EllipsoidGate("ell", "p", List.of(dx, dy), new double[] {500, 500},
                new double[][] {{40000, 15000}, {15000, 30000}}, 1);
        quadrant = new QuadrantGate("quad", "p",
                List.of(new QuadrantGate.Divider("dx", dx, List.of(400.0)), new QuadrantGate.Divider("dy", dy, List.of(600.0))),
                List.of(new QuadrantGate.Quadrant("LowLow", Map.of("dx", 0.0, "dy", 0.0)),
                        new QuadrantGate.Quadrant("HighLow", Map.of("dx", 1000.0, "dy", 0.0)),
                        new QuadrantGate.Quadrant("LowHigh", Map.of("dx", 0.0, "dy", 1000.0)),
                        new QuadrantGate.Quadrant("HighHigh", Map.of("dx", 1000.0, "dy", 1000.0))));
        bool = new BooleanGate("bool", "p", BooleanGate.Operator.AND,
                List.of(BooleanGate.Reference.to("rect"), BooleanGate.Reference.complementOf("poly")));
        known = Map.of("p", parent, "rect", rectangle.apply(source, parent), "poly", polygon.apply(source, parent));
    }

    @Benchmark
    public Population rectangle() {
        return rectangle.apply(source, parent);
    }

    @Benchmark
    public Population polygon8() {
        return polygon.apply(source, parent);
    }

    @Benchmark
    public Population ellipse() {
        return ellipse.apply(source, parent);
    }

    @Benchmark
    public Population rectangleFloat() {
        return rectangle.apply(floatSource, parent);
    }

    @Benchmark
    public Population polygon8Float() {
        return polygon.apply(floatSource, parent);
    }

    @Benchmark
    public Population ellipseFloat() {
        return ellipse.apply(floatSource, parent);
    }

    @Benchmark
    public Population rangeFast() {
        return range.apply(fastSource, parent);
    }

    @Benchmark
    public Population rectangleFast() {
        return rectangle.apply(fastSource, parent);
    }

    @Benchmark
    public Population polygon8Fast() {
        return polygon.apply(fastSource, parent);
    }

    @Benchmark
    public Population ellipseFast() {
        return ellipse.apply(fastSource, parent);
    }

    /** All four quadrants of a 2-D quadrant gate (each event lands in one). */
    @Benchmark
    public Map<String, Population> quadrant4() {
        return quadrant.apply(source, parent);
    }

    @Benchmark
    public Population booleanAndNot() {
        return bool.apply(known::get, parent);
    }
}
