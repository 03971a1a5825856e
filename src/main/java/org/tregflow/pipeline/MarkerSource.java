package org.tregflow.pipeline;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.tregflow.fcs.ColumnAllocator;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.GateException;
import org.tregflow.gating.Population;
import org.tregflow.transform.Transform;

/**
 * The event source of one file inside the pipeline: dimensions are named by marker (the pipeline's names), values
 * are the compensated scale values through the marker's transform, computed fast (float, fast logicle) and only
 * for the events a gate looks at ({@link #cover}: a CD25 gate inside Treg transforms a few percent of the
 * column). Each marker also states the bound of that speed and its exact form, so gates re-judge the few events
 * near a boundary exactly ({@link EventSource#error}).
 */
final class MarkerSource implements EventSource {
    /** One marker: its values so far, which events they cover, how far they may be from the exact ones. */
    private record Column(float[] scale, Transform transform, float[] values, long[] covered, double error,
                          IntToDoubleFunction exact) {
    }

    /** An image of the whole float range this small is used as the bound of |value| (see {@link #put}). */
    private static final double SMALL_IMAGE = 16;

    private final int events;
    private final ColumnAllocator allocator;
    private final Map<String, Column> columns = new HashMap<>();
    private final Map<String, double[]> widened = new HashMap<>();
    /** The events {@link #cover} transforms, rewritten word by word on every call (one array, not one per call). */
    private final long[] missing;

    /** @param allocator where the transformed columns come from (they may be longer than {@code events}) */
    MarkerSource(int events, ColumnAllocator allocator) {
        this.events = events;
        this.allocator = allocator;
        this.missing = new long[Population.wordCount(events)];
    }

    /**
     * A marker's column; its transformed values come with {@link #cover}.
     *
     * @param scale       the compensated (or raw) scale values of every event
     * @param transform   the marker's transform, or null (the scale values are the values)
     * @param compensated whether {@code scale} was compensated (rounded to float) rather than read as it is
     * @param exact       the exact value of one event, computed in double (only called near gate boundaries)
     */
    void put(String marker, float[] scale, Transform transform, boolean compensated, IntToDoubleFunction exact) {
        put(marker, scale, transform == null ? scale : allocator.column(events), transform, compensated, exact);
    }

    /**
     * As {@link #put} for a compensated column that belongs to this marker alone: its values are transformed in
     * place as events are covered, so no second column is needed (4 MB for a 1,000,000-event file). A covered
     * event's scale value is gone: only for a column nothing else reads; the exact value still comes from
     * {@code exact}, which reads the raw columns.
     */
    void putOwnColumn(String marker, float[] scale, Transform transform, IntToDoubleFunction exact) {
        put(marker, scale, scale, transform, true, exact);
    }

    private void put(String marker, float[] scale, float[] values, Transform transform, boolean compensated,
                     IntToDoubleFunction exact) {
        long[] covered = transform == null ? null : new long[Population.wordCount(events)];
        double error = 0;
        if (transform != null || compensated) {
            // Transforms are monotone: no value lies further from 0 than the images of the scale's extremes. Those
            // of the whole float range bound every value without a pass over the data when they are small
            // (logicle, arcsinh, hyperlog: under 10); otherwise (linear, none) the data's extremes do.
            double largest = transform == null ? Double.POSITIVE_INFINITY : Math.max(
                    Math.abs(transform.exact().apply(-Float.MAX_VALUE)), Math.abs(transform.exact().apply(Float.MAX_VALUE)));
            if (!(largest <= SMALL_IMAGE)) {
                float[] range = finiteRange(scale, events);
                largest = transform == null ? Math.max(-range[0], range[1])
                        : Math.max(Math.abs(transform.exact().apply(range[0])),
                                Math.abs(transform.exact().apply(range[1])));
            }
            if (!Double.isFinite(largest)) {
                // An extreme without a finite image (log of 0 or below): transform every event now, measure them.
                transform.apply(scale, values, events);
                java.util.Arrays.fill(covered, -1L);
                float[] images = finiteRange(values, events);
                largest = Math.max(-images[0], images[1]);
            }
            double approximation = transform == null ? 0 : transform.approximationError();
            error = approximation + roundingError(Math.max(1, largest + approximation));
        }
        columns.put(marker.toUpperCase(Locale.ROOT), new Column(scale, transform, values, covered, error, exact));
    }

    /** Transforms the marker's values of the events in {@code needed} that are not transformed yet. */
    void cover(String marker, Population needed) {
        String key = marker.toUpperCase(Locale.ROOT);
        Column c = columns.get(key);
        if (c == null || c.covered() == null) {
            return;
        }
        long[] want = needed.words();
        long[] covered = c.covered();
        boolean any = false;
        for (int w = 0; w < want.length; w++) {
            missing[w] = want[w] & ~covered[w];
            covered[w] |= want[w];
            any |= missing[w] != 0;
        }
        if (any) {
            c.transform().apply(c.scale(), c.values(), missing);
            widened.remove(key);
        }
    }

    /**
     * Float rounding of the compensated value and of the transformed one: at most 2^-24 |y| for the result and,
     * carried through the transform, at most 2^-24 |x T'(x)| for the input, which is below 2^-24 |y| for a linear
     * transform and below 0.25 · 2^-24 for the log-like ones on a 0-1 scale; 2^-22 max(1, |y|) covers both, with
     * room for the double sums of the two compensations (1e-9 and below).
     */
    private static double roundingError(double largest) {
        return 0x1p-22 * largest;
    }

    /** {min, max} of the finite values (NaN and infinities left out; {0, 0} when there is none). */
    static float[] finiteRange(float[] values, int n) {
        // Math.min/max reductions vectorise; a NaN or an infinity (rare) takes the careful loop.
        float lo = 0;
        float hi = 0;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        if (Float.isFinite(lo) && Float.isFinite(hi)) {
            return new float[] {lo, hi};
        }
        lo = 0;
        hi = 0;
        for (int i = 0; i < n; i++) {
            float v = values[i];
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new float[] {lo, hi};
    }

    private Column column(Dimension dimension) {
        Column c = columns.get(dimension.name().toUpperCase(Locale.ROOT));
        if (c == null) {
            throw new GateException("no values for marker " + dimension.name() + " in this file");
        }
        return c;
    }

    @Override
    public int eventCount() {
        return events;
    }

    /** The values; of a transformed marker, only the covered events' are set. */
    @Override
    public float[] values(Dimension dimension) {
        return column(dimension).values();
    }

    @Override
    public double error(Dimension dimension) {
        return column(dimension).error();
    }

    @Override
    public double exactValue(Dimension dimension, int event) {
        return column(dimension).exact().applyAsDouble(event);
    }

    /** The columns are float: gates can compare in float (see {@link EventSource#floatExact}). */
    @Override
    public boolean floatExact(Dimension dimension) {
        return true;
    }

    @Override
    public double[] doubleValues(Dimension dimension) {
        String key = dimension.name().toUpperCase(Locale.ROOT);
        double[] d = widened.get(key);
        if (d == null) {
            float[] f = values(dimension);
            d = new double[events];
            for (int i = 0; i < events; i++) {
                d[i] = f[i];
            }
            widened.put(key, d);
        }
        return d;
    }
}
