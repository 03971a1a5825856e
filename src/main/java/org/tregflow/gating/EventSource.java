package org.tregflow.gating;

/**
 * Supplies gates with their input: for each {@link Dimension}, the column of values of every event, already
 * compensated and transformed as the dimension says. Implementations compute each dimension once and cache it,
 * so several gates on the same axes cost one pass. Gates read {@link #doubleValues}; {@link #values} is the
 * compact form for plots and statistics.
 */
public interface EventSource {
    int eventCount();

    /**
     * The values of {@code dimension} for all events, in file order (length at least {@link #eventCount()}).
     * Callers must not write to the array.
     *
     * @throws GateException when the dimension cannot be resolved (unknown parameter, missing matrix)
     */
    float[] values(Dimension dimension);

    /**
     * The same values in double precision; gates read these. A value computed in double (compensated,
     * transformed) and rounded to float can cross a gate boundary: the Gating-ML compliance suite has such events.
     * Sources that compute in double should override this and cache; the default widens {@link #values}.
     */
    default double[] doubleValues(Dimension dimension) {
        float[] f = values(dimension);
        int n = eventCount();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /**
     * True when {@link #doubleValues} of this dimension is exactly {@link #values} widened (the values were
     * computed in float): gates may then read the float column and compare in float against bounds rounded the
     * right way, with the same membership and half the memory traffic, no widened copy. False by default (sources
     * that compute in double, like the Gating-ML one, keep the double path).
     */
    default boolean floatExact(Dimension dimension) {
        return false;
    }

    /**
     * This source with its double columns memoised per dimension (for sources that widen on every call). Gate
     * trees wrap their source this way; a caller evaluating gates one at a time can do the same.
     */
    static EventSource caching(EventSource inner) {
        if (inner instanceof Caching) {
            return inner;
        }
        return new Caching(inner);
    }

    /** See {@link #caching}. */
    final class Caching implements EventSource {
        private final EventSource inner;
        private final java.util.Map<Dimension, double[]> cache = new java.util.HashMap<>();

        private Caching(EventSource inner) {
            this.inner = inner;
        }

        @Override
        public int eventCount() {
            return inner.eventCount();
        }

        @Override
        public float[] values(Dimension d) {
            return inner.values(d);
        }

        @Override
        public boolean floatExact(Dimension d) {
            return inner.floatExact(d);
        }

        @Override
        public synchronized double[] doubleValues(Dimension d) {
            double[] v = cache.get(d);
            if (v == null) {
                v = inner.doubleValues(d);
                cache.put(d, v);
            }
            return v;
        }
    }
}
