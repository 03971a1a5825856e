package org.tregflow.gating;

import java.util.Objects;

/**
 * What a gate axis reads before any transform: an FCS parameter by name, or a Gating-ML {@code fratio} derived
 * from two parameters. Closed family: {@link EventSource} implementations switch over it.
 */
public sealed interface Parameter permits Parameter.Named, Parameter.Ratio {

    /** The name shown on axes and written in Gating-ML. */
    String name();

    /**
     * A parameter by name: an FCS $PnN, a fluorochrome of a spectrum matrix, or (in the pipeline) a marker name
     * that the pipeline's event source resolves to a channel.
     */
    record Named(String name) implements Parameter {
        public Named {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a parameter needs a name");
            }
        }
    }

    /**
     * Gating-ML 2.0 {@code fratio} (§5.6.6): {@code A * (x1 - B) / (x2 - C)}, with the transformation's optional
     * boundMin/boundMax (infinite when absent) clamping the result. Its two inputs are compensated as the
     * dimension using it says.
     */
    record Ratio(String id, String numerator, String denominator, double a, double b, double c,
                 double boundMin, double boundMax) implements Parameter {
        public Ratio {
            Objects.requireNonNull(id, "ratio id");
            Objects.requireNonNull(numerator, "ratio numerator");
            Objects.requireNonNull(denominator, "ratio denominator");
            if (!(boundMin <= boundMax)) {
                throw new IllegalArgumentException("ratio " + id + ": boundMin " + boundMin + " > boundMax " + boundMax);
            }
        }

        public Ratio(String id, String numerator, String denominator, double a, double b, double c) {
            this(id, numerator, denominator, a, b, c, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        @Override
        public String name() {
            return id;
        }

        public double apply(double x1, double x2) {
            double r = a * (x1 - b) / (x2 - c);
            // Clamping, not dropping: Gating-ML bounds pin out-of-range values to the bound.
            if (r < boundMin) {
                return boundMin;
            }
            if (r > boundMax) {
                return boundMax;
            }
            return r;
        }
    }
}
