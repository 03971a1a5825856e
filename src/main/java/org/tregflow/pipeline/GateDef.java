package org.tregflow.pipeline;

import java.util.List;

/**
 * One gate of the pipeline's tree. Every gate resolves, per file, to an ordinary geometric gate (rectangle,
 * polygon, ellipse) applied inside its parent, so that what was applied can be recorded, exported and drawn.
 *
 * <p>Methods and their keys:
 * <ul>
 *   <li>{@code rectangle} (the default when {@code dimensions} is given): each dimension has fixed {@code min} /
 *       {@code max} or a data-driven {@code method} (density_valley, quantile, tail_cut) computed on the parent's
 *       events (with {@code sequential: true}: on those passing the dimensions before it);</li>
 *   <li>{@code quadrant}: {@code markers} (2), {@code dividers} [x, y], {@code quadrant} "++", "+-", "-+" or "--";</li>
 *   <li>{@code polygon}: {@code markers} (2), {@code vertices} [[x, y], …];</li>
 *   <li>{@code ellipse}: {@code markers} (2), {@code mean}, {@code covariance}, {@code radius} (Mahalanobis);</li>
 *   <li>{@code gaussian_mixture}: {@code markers} (2), {@code components} (default 5), {@code pick}
 *       (lowest_y_above_x, the default, with {@code min_x}; largest; nearest with {@code target}), {@code min_weight}
 *       (default 0.05), {@code radius} (default 2.5), {@code sample} (events fitted, default 10,000), {@code seed}
 *       (default 1), {@code merge} (default true: with the components that share its mode);</li>
 *   <li>{@code ratio_band}: {@code markers} [area, height], {@code k} (robust spreads);</li>
 *   <li>{@code boolean}: {@code op} and | or | not, {@code of} [gate names]; the result is taken inside the parent.</li>
 *   <li>{@code gatingml: FILE#gateId} (method implied): a rectangle, polygon or ellipsoid gate of a Gating-ML 2.0
 *       file (relative to the pipeline), applied inside the pipeline's parent with its own dimensions, compensation
 *       and transforms; Gating-ML names detectors ($PnN), so such a gate is tied to one instrument's names.</li>
 * </ul>
 * {@code optional: true} skips the gate when the file lacks one of its (optional) markers; its children then hang
 * from its parent.
 */
public record GateDef(String name, String parent, String method, Boolean optional, Boolean sequential,
                      List<String> markers,
                      List<DimensionDef> dimensions, List<Double> dividers, String quadrant,
                      List<List<Double>> vertices, List<Double> mean, List<List<Double>> covariance, Double radius,
                      Integer components, String pick, Double minX, Double minWeight, List<Double> target,
                      Integer sample, Long seed, Boolean merge, Double k, String op, List<String> of,
                      String gatingml) {
    public static final String ROOT = "root";

    public GateDef {
        markers = markers == null ? List.of() : List.copyOf(markers);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        of = of == null ? List.of() : List.copyOf(of);
        if (method == null && !dimensions.isEmpty()) {
            method = "rectangle";
        }
        if (method == null && gatingml != null) {
            method = "gatingml";
        }
        if (parent == null || parent.isBlank()) {
            parent = ROOT;
        }
    }

    /**
     * False (the default): every data-driven dimension is computed on the parent's events. True: each on the
     * parent's events that pass the dimensions before it ("CD3- then CD56+ among them"). Sequential cuts need a
     * population with both modes left, so the default is the safer one.
     */
    public boolean isSequential() {
        return Boolean.TRUE.equals(sequential);
    }

    /** Whether the gate is read from a Gating-ML file (its dimensions name detectors, with their own transforms). */
    public boolean isGatingMl() {
        return "gatingml".equals(method);
    }

    /**
     * True (the default): a mixture gate takes the picked component together with the components it shares a
     * single mode with ({@link org.tregflow.gating.auto.GaussianMixture2D#cluster}); false: the component alone.
     */
    public boolean isMerged() {
        return !Boolean.FALSE.equals(merge);
    }

    /** Whether the method reads its markers' scale values (compensated, not transformed): a ratio band does. */
    public boolean readsScaleValues() {
        return "ratio_band".equals(method);
    }

    public boolean isOptional() {
        return Boolean.TRUE.equals(optional);
    }

    /** The markers this gate reads, in axis order. */
    public List<String> usedMarkers() {
        if (!dimensions.isEmpty()) {
            return dimensions.stream().map(DimensionDef::marker).toList();
        }
        return markers;
    }

    /**
     * One axis of a rectangle gate. Fixed bounds {@code min} / {@code max} (min <= x < max, either may be open),
     * or a data-driven {@code method} that computes one bound: {@code density_valley} ({@code keep},
     * {@code search} [lo, hi], {@code min_separation}, {@code bandwidth}, {@code min_peak_height},
     * {@code fallback_k}), {@code quantile} ({@code q}, {@code keep}), {@code tail_cut} ({@code k},
     * {@code reference} all | lowest_peak | highest_peak, {@code keep}).
     */
    public record DimensionDef(String marker, Double min, Double max, String method, String keep,
                               List<Double> search, Double minSeparation, Double bandwidth, Double minPeakHeight,
                               Double fallbackK, Double q, Double k, String reference) {
    }
}
