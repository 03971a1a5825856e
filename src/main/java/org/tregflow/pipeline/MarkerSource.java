package org.tregflow.pipeline;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.GateException;

/**
 * The event source of one file inside the pipeline: dimensions are named by marker (the pipeline's names), and
 * their values were compensated and transformed once, up front, by {@link SampleAnalyzer}, fast (float, fast
 * logicle). Each marker also carries the bound of that speed and its exact form, so gates re-judge the few events
 * near a boundary exactly ({@link EventSource#error}). Double columns are widened once per marker and kept.
 */
final class MarkerSource implements EventSource {
    /** One marker: its fast values, how far they may be from the exact ones, and the exact value of an event. */
    private record Column(float[] values, double error, IntToDoubleFunction exact) {
    }

    private final int events;
    private final Map<String, Column> columns = new HashMap<>();
    private final Map<String, double[]> widened = new HashMap<>();

    MarkerSource(int events) {
        this.events = events;
    }

    /**
     * @param error at most this far from the exact value for every event (0: the values are exact)
     * @param exact the exact value of one event, computed in double (only called near gate boundaries)
     */
    void put(String marker, float[] values, double error, IntToDoubleFunction exact) {
        columns.put(marker.toUpperCase(Locale.ROOT), new Column(values, error, exact));
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
