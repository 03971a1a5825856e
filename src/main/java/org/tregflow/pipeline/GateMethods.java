package org.tregflow.pipeline;

import java.util.Locale;
import org.tregflow.gating.auto.DensityValley;
import org.tregflow.gating.auto.Side;
import org.tregflow.gating.auto.TailCut;

/**
 * Turns a dimension's YAML parameters into the parameter records of the data-driven methods, applying the
 * documented defaults; the records validate the values, so the same code checks a pipeline up front and runs it.
 */
final class GateMethods {
    static final String DENSITY_VALLEY = "density_valley";
    static final String QUANTILE = "quantile";
    static final String TAIL_CUT = "tail_cut";

    private GateMethods() {
    }

    static Side side(String keep) {
        if (keep == null) {
            throw new IllegalArgumentException("'keep' is required (positive or negative)");
        }
        return switch (keep.toLowerCase(Locale.ROOT)) {
            case "positive", "pos", "+", "high" -> Side.POSITIVE;
            case "negative", "neg", "-", "low" -> Side.NEGATIVE;
            default -> throw new IllegalArgumentException("keep must be positive or negative, not '" + keep + "'");
        };
    }

    static DensityValley.Params densityValley(GateDef.DimensionDef d) {
        Double lo = null;
        Double hi = null;
        if (d.search() != null) {
            if (d.search().size() != 2) {
                throw new IllegalArgumentException("search must be [low, high], got " + d.search());
            }
            lo = d.search().get(0);
            hi = d.search().get(1);
        }
        DensityValley.Params def = DensityValley.Params.of(side(d.keep()));
        return new DensityValley.Params(def.keep(), lo, hi,
                d.minSeparation() == null ? def.minSeparation() : d.minSeparation(),
                d.bandwidth(),
                d.minPeakHeight() == null ? def.minPeakHeight() : d.minPeakHeight(),
                d.fallbackK() == null ? def.fallbackK() : d.fallbackK());
    }

    static TailCut.Params tailCut(GateDef.DimensionDef d) {
        TailCut.Reference ref = TailCut.Reference.LOWEST_PEAK;
        if (d.reference() != null) {
            try {
                ref = TailCut.Reference.valueOf(d.reference().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reference must be all, lowest_peak or highest_peak, not '"
                        + d.reference() + "'");
            }
        }
        if (d.k() == null) {
            throw new IllegalArgumentException("tail_cut needs k (how many robust spreads from the reference)");
        }
        return new TailCut.Params(side(d.keep()), ref, d.k());
    }

    static double quantile(GateDef.DimensionDef d) {
        if (d.q() == null || !(d.q() >= 0 && d.q() <= 1)) {
            throw new IllegalArgumentException("quantile needs q between 0 and 1, got " + d.q());
        }
        side(d.keep());
        return d.q();
    }

    /** Checks one dimension's parameters; throws with a message naming the problem. */
    static void check(GateDef.DimensionDef d) {
        if (d.method() == null) {
            if (d.min() == null && d.max() == null) {
                throw new IllegalArgumentException("dimension " + d.marker() + " has neither min/max nor a method");
            }
            if (d.min() != null && d.max() != null && !(d.min() < d.max())) {
                throw new IllegalArgumentException("dimension " + d.marker() + ": min " + d.min() + " is not below max " + d.max());
            }
            return;
        }
        if (d.min() != null || d.max() != null) {
            throw new IllegalArgumentException("dimension " + d.marker() + ": give either min/max or a method, not both");
        }
        switch (d.method()) {
            case DENSITY_VALLEY -> densityValley(d);
            case TAIL_CUT -> tailCut(d);
            case QUANTILE -> quantile(d);
            default -> throw new IllegalArgumentException("dimension " + d.marker() + ": unknown method '" + d.method()
                    + "' (density_valley, quantile, tail_cut)");
        }
    }
}
