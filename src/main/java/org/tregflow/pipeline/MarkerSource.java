package org.tregflow.pipeline;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.GateException;

/**
 * The event source of one file inside the pipeline: dimensions are named by marker (the pipeline's names), and
 * their values were compensated and transformed once, up front, by {@link SampleAnalyzer}. Double columns for the
 * gates are widened once per marker and kept.
 */
final class MarkerSource implements EventSource {
    private final int events;
    private final Map<String, float[]> transformed = new HashMap<>();
    private final Map<String, double[]> widened = new HashMap<>();

    MarkerSource(int events) {
        this.events = events;
    }

    void put(String marker, float[] values) {
        transformed.put(marker.toUpperCase(Locale.ROOT), values);
    }

    @Override
    public int eventCount() {
        return events;
    }

    @Override
    public float[] values(Dimension dimension) {
        float[] v = transformed.get(dimension.name().toUpperCase(Locale.ROOT));
        if (v == null) {
            throw new GateException("no values for marker " + dimension.name() + " in this file");
        }
        return v;
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
