package org.tregflow.gating;

import java.util.HashMap;
import java.util.Map;

/** An in-memory event source for hand-computed cases: columns by parameter name, transform applied if any. */
final class Columns implements EventSource {
    private final Map<String, float[]> columns = new HashMap<>();
    private final int n;

    Columns(int n) {
        this.n = n;
    }

    Columns with(String name, float... values) {
        if (values.length != n) {
            throw new IllegalArgumentException(name + " has " + values.length + " values for " + n + " events");
        }
        columns.put(name, values);
        return this;
    }

    @Override
    public int eventCount() {
        return n;
    }

    @Override
    public float[] values(Dimension d) {
        float[] c = columns.get(d.name());
        if (c == null) {
            throw new GateException("no column " + d.name());
        }
        if (d.transform() == null) {
            return c;
        }
        float[] out = new float[n];
        d.transform().apply(c, out, n);
        return out;
    }

    static String bits(Population p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.size(); i++) {
            sb.append(p.contains(i) ? '1' : '0');
        }
        return sb.toString();
    }
}
