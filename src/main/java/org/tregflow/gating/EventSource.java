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
     * How far {@link #doubleValues} of this dimension may lie from its exact value (compensated in double, exact
     * transform), at most, for any event: 0 (the default) when the values are the exact ones. A source of fast
     * approximations (float compensation, interpolated logicle) states its bound, and gates re-judge the events
     * whose value lies within it of a boundary with {@link #exactValue}: membership is then the exact one.
     */
    default double error(Dimension dimension) {
        return 0;
    }

    /**
     * The exact value of one event (see {@link #error}); called only for the few events near a gate boundary, so
     * it may cost a few hundred nanoseconds.
     */
    default double exactValue(Dimension dimension, int event) {
        return doubleValues(dimension)[event];
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
        public double error(Dimension d) {
            return inner.error(d);
        }

        @Override
        public double exactValue(Dimension d, int event) {
            return inner.exactValue(d, event);
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
