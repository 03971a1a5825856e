package org.tregflow.pipeline;

import java.util.Locale;

/**
 * The pipeline's transform definitions: defaults and checks. Without {@code t} the top of scale is each channel's
 * $PnR (262144 when unknown); other defaults follow 18-bit instruments (M = 4.5 decades, A = 0; logicle W = 0.5
 * unless {@code estimate}).
 */
final class Transforms {
    static final double DEFAULT_T = 262144;
    static final double DEFAULT_M = 4.5;
    static final double DEFAULT_W = 0.5;

    private Transforms() {
    }

    static String type(PipelineDefinition.TransformDef t) {
        return t == null || t.type() == null ? "none" : t.type().toLowerCase(Locale.ROOT);
    }

    static double t(PipelineDefinition.TransformDef d) {
        return d.t() == null ? DEFAULT_T : d.t();
    }

    /** The top of scale: the pipeline's t, else the channel's $PnR when known, else 262144. */
    static double t(PipelineDefinition.TransformDef d, double channelRange) {
        if (d.t() != null) {
            return d.t();
        }
        return channelRange > 0 && Double.isFinite(channelRange) ? channelRange : DEFAULT_T;
    }

    static double m(PipelineDefinition.TransformDef d) {
        return d.m() == null ? DEFAULT_M : d.m();
    }

    static double a(PipelineDefinition.TransformDef d) {
        return d.a() == null ? 0 : d.a();
    }

    static boolean estimateW(PipelineDefinition.TransformDef d) {
        return d.w() != null && d.w().trim().equalsIgnoreCase("estimate");
    }

    static double w(PipelineDefinition.TransformDef d) {
        if (d.w() == null) {
            return DEFAULT_W;
        }
        try {
            return Double.parseDouble(d.w().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("w must be a number or 'estimate', not '" + d.w() + "'");
        }
    }

    static void check(PipelineDefinition.TransformDef d) {
        String type = type(d);
        if (!PipelineChecks.TRANSFORMS.contains(type)) {
            throw new IllegalArgumentException("unknown transform type '" + d.type() + "' (linear, log, arcsinh, logicle, hyperlog, none)");
        }
        if (!(t(d) > 0)) {
            throw new IllegalArgumentException("t must be > 0, got " + t(d));
        }
        if (!(m(d) > 0)) {
            throw new IllegalArgumentException("m must be > 0, got " + m(d));
        }
        if (a(d) < 0) {
            throw new IllegalArgumentException("a must be >= 0, got " + a(d));
        }
        if ((type.equals("logicle") || type.equals("hyperlog")) && !estimateW(d)) {
            double w = w(d);
            if (w < 0 || 2 * w > m(d)) {
                throw new IllegalArgumentException("w must be between 0 and m/2, got " + w);
            }
        } else if (d.w() != null && !type.equals("logicle") && !type.equals("hyperlog")) {
            throw new IllegalArgumentException("w applies to logicle and hyperlog only");
        }
        if (estimateW(d) && !type.equals("logicle")) {
            throw new IllegalArgumentException("w: estimate applies to logicle only");
        }
    }
}
