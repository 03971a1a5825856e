package org.tregflow.report;

import java.util.HashMap;
import java.util.Map;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.GateException;

/** Scale values by parameter name, transformed as each dimension says: a hand-built event source for tests. */
final class ArraySource implements EventSource {
    private final Map<String, double[]> columns = new HashMap<>();
    private final int n;

    ArraySource(int n) {
        this.n = n;
    }

    ArraySource with(String name, double[] values) {
        columns.put(name, values);
        return this;
    }

    @Override
    public int eventCount() {
        return n;
    }

    @Override
    public double[] doubleValues(Dimension d) {
        double[] c = columns.get(d.name());
        if (c == null) {
            throw new GateException("no column " + d.name());
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = d.transform() == null ? c[i] : d.transform().apply(c[i]);
        }
        return out;
    }

    @Override
    public float[] values(Dimension d) {
        double[] v = doubleValues(d);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
