package org.tregflow.gating;

import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a gate's membership exact on a source of fast values (see {@link EventSource#error}): only events lying
 * within the source's error of the gate's boundary can be judged differently by their fast and their exact
 * values, so those, and only those, are judged again on their exact values. With the pipeline's bound (about
 * 3e-6 on a 0-1 scale) that is a few events per million: the pipeline gates at float speed, and its populations
 * are event for event those its exported Gating-ML gives when evaluated in double (here, in FlowKit or flowCore).
 */
final class BoundaryRecheck {
    private BoundaryRecheck() {
    }

    /** The source's error on each dimension, or null when every one is 0 (exact values: nothing to re-judge). */
    static double[] errors(List<Dimension> dimensions, EventSource source) {
        int k = dimensions.size();
        double[] error = new double[k];
        boolean approximate = false;
        for (int d = 0; d < k; d++) {
            double e = source.error(dimensions.get(d));
            // A bound that is no number (NaN, negative) bounds nothing: every event is then judged again.
            error[d] = e >= 0 ? e : Double.POSITIVE_INFINITY;
            approximate |= error[d] != 0;
        }
        return approximate ? error : null;
    }

    /**
     * {@code fast} (the gate's membership on the source's values, right at least outside the candidates) with the
     * {@code candidates} (a superset of the events within the error of the boundary) judged by {@code contains} on
     * their exact values.
     */
    static Population exact(List<Dimension> dimensions, EventSource source, Population fast, Population candidates,
                            Predicate<double[]> contains) {
        int k = dimensions.size();
        long[] near = candidates.words();
        long[] out = null;
        double[] point = new double[k];
        for (int w = 0; w < near.length; w++) {
            long bits = near[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                for (int d = 0; d < k; d++) {
                    point[d] = source.exactValue(dimensions.get(d), i);
                }
                if (contains.test(point) != fast.contains(i)) {
                    if (out == null) {
                        out = fast.words().clone();
                    }
                    out[w] ^= 1L << i;
                }
            }
        }
        return out == null ? fast : Population.ofWords(out, fast.size());
    }
}
