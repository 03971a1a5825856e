package org.tregflow.gating;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Gating-ML 2.0 quadrant gate (§5.3.4): dividers split their dimension at one or more values; each named
 * {@link Quadrant} picks, per divider, the interval containing its location. Every quadrant is a population of its
 * own (its id is usable as a parent or a boolean reference); the quadrant gate's own id names no population.
 * A quadrant is exactly a rectangle with half-open intervals {@code [v_k, v_k+1)}, so it is evaluated as one.
 */
public record QuadrantGate(String id, String parentId, List<Divider> dividers, List<Quadrant> quadrants)
        implements Gate {

    /** Splits {@code dimension} at {@code values} (sorted ascending on construction). */
    public record Divider(String id, Dimension dimension, List<Double> values) {
        public Divider {
            Objects.requireNonNull(id, "divider id");
            Objects.requireNonNull(dimension, "divider dimension");
            if (values.isEmpty()) {
                throw new IllegalArgumentException("divider " + id + " has no value");
            }
            for (Double v : values) {
                if (v == null || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("divider " + id + " has a non-finite value " + v);
                }
            }
            values = values.stream().sorted().toList();
        }

        /** The interval [min, max) of this divider that contains {@code location} (infinite at the ends). */
        public double[] interval(double location) {
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            for (double v : values) {
                if (location >= v) {
                    lo = v;
                } else {
                    hi = v;
                    break;
                }
            }
            return new double[] {lo, hi};
        }
    }

    /** A named region: divider id to a location within the wanted interval of that divider. */
    public record Quadrant(String id, Map<String, Double> positions) {
        public Quadrant {
            Objects.requireNonNull(id, "quadrant id");
            positions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        }
    }

    public QuadrantGate {
        Objects.requireNonNull(id, "gate id");
        dividers = List.copyOf(dividers);
        quadrants = List.copyOf(quadrants);
        if (dividers.isEmpty()) {
            throw new IllegalArgumentException("quadrant gate " + id + " has no divider");
        }
        if (quadrants.isEmpty()) {
            throw new IllegalArgumentException("quadrant gate " + id + " defines no quadrant");
        }
        Set<String> dividerIds = new HashSet<>();
        for (Divider d : dividers) {
            if (!dividerIds.add(d.id())) {
                throw new IllegalArgumentException("quadrant gate " + id + " has two dividers with id " + d.id());
            }
        }
        for (Quadrant q : quadrants) {
            for (String ref : q.positions().keySet()) {
                if (!dividerIds.contains(ref)) {
                    throw new IllegalArgumentException("quadrant " + q.id() + " of gate " + id
                            + " refers to unknown divider " + ref + "; dividers: " + dividerIds);
                }
            }
        }
    }

    @Override
    public QuadrantGate withParent(String newParent) {
        return new QuadrantGate(id, newParent, dividers, quadrants);
    }

    /** Each quadrant as the rectangle it is, with the quadrant's id and this gate's parent. */
    public List<RectangleGate> asRectangles() {
        List<RectangleGate> out = new ArrayList<>(quadrants.size());
        for (Quadrant q : quadrants) {
            List<RectangleGate.Range> ranges = new ArrayList<>();
            for (Divider d : dividers) {
                Double loc = q.positions().get(d.id());
                if (loc == null) {
                    continue; // a divider the quadrant does not constrain
                }
                double[] iv = d.interval(loc);
                ranges.add(new RectangleGate.Range(d.dimension(), iv[0], iv[1]));
            }
            if (ranges.isEmpty()) {
                throw new GateException("quadrant " + q.id() + " of gate " + id + " has no position");
            }
            out.add(new RectangleGate(q.id(), parentId, ranges));
        }
        return out;
    }

    /** Each quadrant's population inside {@code parent}, keyed by quadrant id in declaration order. */
    public Map<String, Population> apply(EventSource source, Population parent) {
        Map<String, Population> out = new LinkedHashMap<>();
        for (RectangleGate r : asRectangles()) {
            out.put(r.id(), r.apply(source, parent));
        }
        return out;
    }
}
