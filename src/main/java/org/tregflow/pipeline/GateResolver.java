package org.tregflow.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tregflow.fcs.ColumnAllocator;
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EllipsoidGate;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.Gate;
import org.tregflow.gating.GeometricGate;
import org.tregflow.gating.Parameter;
import org.tregflow.gating.PolygonGate;
import org.tregflow.gating.Population;
import org.tregflow.gating.RectangleGate;
import org.tregflow.gating.auto.DensityValley;
import org.tregflow.gating.auto.Gather;
import org.tregflow.gating.auto.GaussianMixture2D;
import org.tregflow.gating.auto.QuantileCut;
import org.tregflow.gating.auto.RatioBand;
import org.tregflow.gating.auto.Side;
import org.tregflow.gating.auto.Subsample;
import org.tregflow.gating.auto.TailCut;
import org.tregflow.gatingml.GatingMlDocument;
import org.tregflow.gating.auto.Threshold;
import org.tregflow.stats.GateRecord;
import org.tregflow.transform.Transform;

/**
 * Turns one gate of the pipeline into an ordinary geometric gate for one file: data-driven methods are computed
 * here, on the parent population's transformed values, and resolve to a rectangle, polygon or ellipse, recorded
 * with the numbers found so the gate can be audited, exported and drawn.
 */
final class GateResolver {
    /** Default Mahalanobis radius of a mixture gate. */
    static final double DEFAULT_RADIUS = 2.5;
    /**
     * A mixture gate's defaults are the settings validated for the lymphocyte gate (README, Pipelines: 95.9-97.5%
     * of the live lymphocytes, at most 0.01% of other cells, on 72 labelled files): a pipeline that leaves them out
     * gets that gate, not the 3 components on 20,000 events it used to, with which debris could share the
     * lymphocytes' component.
     */
    static final int DEFAULT_COMPONENTS = 5;
    static final int DEFAULT_SAMPLE = 10_000;
    static final double DEFAULT_BAND_K = 4;
    /** Fewer parent events than this leave a data-driven 1-D gate empty (no density or spread from a handful). */
    static final int MIN_EVENTS = 10;
    /** EM iterations; the lymphocyte cluster settles long before, the rest only polishes minor components. */
    static final int MAX_EM_ITERATIONS = 60;
    /** Vertices per edge of a ratio band drawn through non-linear transforms. */
    private static final int BAND_STEPS = 16;

    /**
     * A resolved gate; {@code source} is where its dimensions' values come from (null: the pipeline's markers);
     * {@code gate} is null when the gate could not be computed and is empty for this file.
     */
    record Resolved(Gate gate, GateRecord record, List<String> warnings, EventSource source) {
        Resolved(Gate gate, GateRecord record, List<String> warnings) {
            this(gate, record, warnings, null);
        }
    }

    private final MarkerSource source;
    private final Map<String, Transform> transforms;
    /** Read only by the methods {@link GateDef#readsScaleValues} names: the analysis keeps those columns whole. */
    private final Function<String, float[]> scaleValues;
    private final Function<String, String> describeMarker;
    private final Set<String> scatter;
    private final Function<GatingMlDocument, EventSource> gatingMlSource;
    private final Path baseDir;
    private final ColumnAllocator columns;
    /** One array for every data-driven dimension's gathered parent values (a file's gates run one at a time). */
    private float[] gathered;
    /**
     * Density valleys already found, by the events they were found in (the very population object) and marker and
     * parameters: the valley does not depend on the side kept, so T cells (CD3+ of Live) and NK cells (CD3- of
     * Live) share one, as CD56bright and CD56dim share CD16's on NK cells. One gather and one density fewer each.
     */
    private final Map<Population, Map<ValleyKey, Threshold>> valleys = new java.util.IdentityHashMap<>();

    /** A density valley's marker and parameters, the side kept left out. */
    private record ValleyKey(String marker, DensityValley.Params params) {
        static ValleyKey of(String marker, DensityValley.Params p) {
            return new ValleyKey(marker.toUpperCase(Locale.ROOT), new DensityValley.Params(Side.POSITIVE,
                    p.searchMin(), p.searchMax(), p.minSeparation(), p.bandwidth(), p.minPeakHeight(), p.fallbackK()));
        }
    }

    GateResolver(MarkerSource source, Map<String, Transform> transforms, Function<String, float[]> scaleValues,
                 Function<String, String> describeMarker, Set<String> scatter,
                 Function<GatingMlDocument, EventSource> gatingMlSource,
                 Path baseDir, ColumnAllocator columns) {
        this.columns = columns;
        this.gatingMlSource = gatingMlSource;
        this.baseDir = baseDir;
        this.source = source;
        this.transforms = transforms;
        this.scaleValues = scaleValues;
        this.describeMarker = describeMarker;
        this.scatter = scatter;
    }

    Dimension dimension(String marker) {
        Transform t = transforms.get(marker.toUpperCase(Locale.ROOT));
        String comp = scatter.contains(marker.toUpperCase(Locale.ROOT)) ? Dimension.UNCOMPENSATED : Dimension.FCS;
        return new Dimension(new Parameter.Named(marker), comp, t);
    }

    Resolved resolve(GateDef g, String parentId, Population parent) {
        List<String> warnings = new ArrayList<>();
        String dims = String.join(",", g.usedMarkers().stream().map(describeMarker).toList());
        return switch (g.method()) {
            case "rectangle" -> rectangle(g, parentId, parent, warnings, dims);
            case "quadrant" -> quadrant(g, parentId, dims);
            case "polygon" -> {
                List<PolygonGate.Vertex> v = g.vertices().stream().map(p -> new PolygonGate.Vertex(p.get(0), p.get(1))).toList();
                PolygonGate pg = new PolygonGate(g.name(), parentId, dimension(g.markers().get(0)), dimension(g.markers().get(1)), v);
                yield new Resolved(pg, new GateRecord(g.name(), "polygon", dims, "", vertices(v)), warnings);
            }
            case "ellipse" -> {
                double[] mean = {g.mean().get(0), g.mean().get(1)};
                double[][] cov = {{g.covariance().get(0).get(0), g.covariance().get(0).get(1)},
                        {g.covariance().get(1).get(0), g.covariance().get(1).get(1)}};
                double r = g.radius();
                EllipsoidGate eg = new EllipsoidGate(g.name(), parentId, List.of(dimension(g.markers().get(0)),
                        dimension(g.markers().get(1))), mean, cov, r * r);
                yield new Resolved(eg, new GateRecord(g.name(), "ellipse", dims, "radius=" + fmt(r), ellipse(mean, cov, r)), warnings);
            }
            case "gaussian_mixture" -> mixture(g, parentId, parent, dims);
            case "ratio_band" -> ratioBand(g, parentId, parent, dims);
            case "boolean" -> {
                String op = g.op().toUpperCase(Locale.ROOT);
                List<BooleanGate.Reference> refs = g.of().stream().map(BooleanGate.Reference::to).toList();
                BooleanGate bg = new BooleanGate(g.name(), parentId, BooleanGate.Operator.valueOf(op), refs);
                yield new Resolved(bg, new GateRecord(g.name(), "boolean", "", "", op.toLowerCase(Locale.ROOT) + "(" + String.join(", ", g.of()) + ")"), warnings);
            }
            case "gatingml" -> {
                GeometricGate geo = (GeometricGate) GatingMlGates.gate(g.gatingml(), baseDir).withParent(parentId);
                String axes = String.join(",", geo.dimensions().stream().map(Dimension::toString).toList());
                // Gating-ML dimensions name detectors and carry their own compensation and transforms.
                EventSource src = gatingMlSource.apply(GatingMlGates.document(g.gatingml(), baseDir));
                yield new Resolved(geo, new GateRecord(g.name(), "gatingml", axes, g.gatingml(), geo.toString()), warnings, src);
            }
            default -> throw new IllegalStateException("unchecked method " + g.method());
        };
    }

    private Resolved rectangle(GateDef g, String parentId, Population parent, List<String> warnings, String dims) {
        List<RectangleGate.Range> ranges = new ArrayList<>();
        List<String> params = new ArrayList<>();
        List<String> shape = new ArrayList<>();
        Population within = parent;
        for (GateDef.DimensionDef d : g.dimensions()) {
            Dimension dim = dimension(d.marker());
            RectangleGate.Range range;
            if (d.method() == null) {
                range = new RectangleGate.Range(dim, d.min() == null ? Double.NEGATIVE_INFINITY : d.min(),
                        d.max() == null ? Double.POSITIVE_INFINITY : d.max());
                params.add(d.marker() + ":fixed");
            } else {
                DensityValley.Params valley = d.method().equals(GateMethods.DENSITY_VALLEY)
                        ? GateMethods.densityValley(d) : null;
                ValleyKey valleyKey = valley == null ? null : ValleyKey.of(d.marker(), valley);
                Threshold known = valley == null ? null : valleys.getOrDefault(within, Map.of()).get(valleyKey);
                float[] values = gathered();
                int count = known != null ? 0 : Gather.into(source.values(dim), within, values);
                if (known == null && count < MIN_EVENTS) {
                    // A rare population in one file must not fail the whole file: the gate is empty, and says why.
                    warnings.add("gate " + g.name() + ": only " + count + " events in its parent, fewer than "
                            + MIN_EVENTS + " to compute the " + d.marker() + " " + d.method() + " from; the gate is empty");
                    return new Resolved(null, new GateRecord(g.name(), d.method(), dims, "not computed",
                            "empty: " + count + " parent events"), warnings);
                }
                Threshold t;
                Side side = GateMethods.side(d.keep());
                switch (d.method()) {
                    case GateMethods.DENSITY_VALLEY -> {
                        t = known != null ? known : DensityValley.find(values, count, valley);
                        valleys.computeIfAbsent(within, w -> new java.util.HashMap<>()).put(valleyKey, t);
                    }
                    case GateMethods.TAIL_CUT -> t = TailCut.find(values, count, GateMethods.tailCut(d));
                    case GateMethods.QUANTILE -> t = QuantileCut.find(values, count, GateMethods.quantile(d));
                    default -> throw new IllegalStateException(d.method());
                }
                if (t.warning() != null) {
                    warnings.add("gate " + g.name() + ", " + d.marker() + ": " + t.warning());
                }
                range = side == Side.POSITIVE ? RectangleGate.Range.atLeast(dim, t.value())
                        : RectangleGate.Range.below(dim, t.value());
                params.add(d.marker() + ":" + d.method() + " keep=" + side.name().toLowerCase(Locale.ROOT) + " " + t.detail());
            }
            ranges.add(range);
            shape.add(d.marker() + (range.hasMin() ? " min=" + fmt(range.min()) : "") + (range.hasMax() ? " max=" + fmt(range.max()) : ""));
            if (g.isSequential()) {
                within = RectangleGate.range(g.name() + "#" + d.marker(), parentId, dim, range.min(), range.max())
                        .apply(source, within);
            }
        }
        RectangleGate rg = new RectangleGate(g.name(), parentId, ranges);
        String method = g.dimensions().stream().anyMatch(d -> d.method() != null)
                ? String.join("+", g.dimensions().stream().map(d -> d.method() == null ? "range" : d.method()).distinct().toList())
                : "rectangle";
        return new Resolved(rg, new GateRecord(g.name(), method, dims, String.join("; ", params), String.join("; ", shape)), warnings);
    }

    /** The array parent values are gathered into: room for every event of the file, lent once per file. */
    private float[] gathered() {
        if (gathered == null) {
            gathered = columns.column(source.eventCount());
        }
        return gathered;
    }

    private Resolved quadrant(GateDef g, String parentId, String dims) {
        double x = g.dividers().get(0);
        double y = g.dividers().get(1);
        boolean xPos = g.quadrant().charAt(0) == '+';
        boolean yPos = g.quadrant().charAt(1) == '+';
        Dimension dx = dimension(g.markers().get(0));
        Dimension dy = dimension(g.markers().get(1));
        RectangleGate rg = new RectangleGate(g.name(), parentId, List.of(
                xPos ? RectangleGate.Range.atLeast(dx, x) : RectangleGate.Range.below(dx, x),
                yPos ? RectangleGate.Range.atLeast(dy, y) : RectangleGate.Range.below(dy, y)));
        return new Resolved(rg, new GateRecord(g.name(), "quadrant", dims, "quadrant=" + g.quadrant(),
                "x=" + fmt(x) + " y=" + fmt(y)), List.of());
    }

    private Resolved mixture(GateDef g, String parentId, Population parent, String dims) {
        Dimension dx = dimension(g.markers().get(0));
        Dimension dy = dimension(g.markers().get(1));
        long seed = g.seed() == null ? 1 : g.seed();
        int[] sample = Subsample.of(parent, g.sample() == null ? DEFAULT_SAMPLE : g.sample(), seed);
        float[][] xy = Gather.pairs(source.values(dx), source.values(dy), sample);
        int k = g.components() == null ? DEFAULT_COMPONENTS : g.components();
        GaussianMixture2D.Fit fit = GaussianMixture2D.fit(xy[0], xy[1], xy[0].length, k, seed, MAX_EM_ITERATIONS);
        String pick = g.pick() == null ? "lowest_y_above_x" : g.pick();
        int c = switch (pick) {
            case "largest" -> GaussianMixture2D.largest(fit);
            case "nearest" -> GaussianMixture2D.nearest(fit, g.target().get(0), g.target().get(1));
            default -> GaussianMixture2D.lowestYAboveX(fit, g.minX() == null ? Double.NEGATIVE_INFINITY : g.minX(),
                    g.minWeight() == null ? 0.05 : g.minWeight());
        };
        if (c < 0) {
            throw new IllegalArgumentException("gate " + g.name() + ": no mixture component has x >= " + g.minX()
                    + " and weight >= " + (g.minWeight() == null ? 0.05 : g.minWeight()) + "; components: " + components(fit));
        }
        GaussianMixture2D.Cluster cluster = g.isMerged() ? GaussianMixture2D.cluster(fit, c)
                : new GaussianMixture2D.Cluster(fit.components().get(c), List.of(c));
        GaussianMixture2D.Component comp = cluster.moments();
        double r = g.radius() == null ? DEFAULT_RADIUS : g.radius();
        double[] mean = {comp.meanX(), comp.meanY()};
        double[][] cov = {{comp.sxx(), comp.sxy()}, {comp.sxy(), comp.syy()}};
        EllipsoidGate eg = new EllipsoidGate(g.name(), parentId, List.of(dx, dy), mean, cov, r * r);
        String params = "components=" + k + " pick=" + pick + " sample=" + xy[0].length + " seed=" + seed
                + " radius=" + fmt(r) + " weight=" + fmt(comp.weight()) + " merged=" + cluster.members().size()
                + " iterations=" + fit.iterations();
        return new Resolved(eg, new GateRecord(g.name(), "gaussian_mixture", dims, params, ellipse(mean, cov, r)), List.of());
    }

    private Resolved ratioBand(GateDef g, String parentId, Population parent, String dims) {
        String areaMarker = g.markers().get(0);
        String heightMarker = g.markers().get(1);
        float[] areas = scaleValues.apply(areaMarker);
        float[] heights = scaleValues.apply(heightMarker);
        double k = g.k() == null ? DEFAULT_BAND_K : g.k();
        RatioBand band = RatioBand.fit(areas, heights, parent, k, gathered());
        // The band is drawn out just past its largest event's area: every event it can hold has a positive,
        // finite area and height, so none lies further out.
        double xmax = band.maxArea() * 1.01 + 1e-9;
        Dimension dx = dimension(areaMarker);
        Dimension dy = dimension(heightMarker);
        Transform tx = dx.transform();
        Transform ty = dy.transform();
        // The band is straight in scale values (height = area / ratio); through a non-linear transform its edges
        // bend, so they are drawn with several vertices.
        List<PolygonGate.Vertex> v = new ArrayList<>();
        v.add(vertex(tx, ty, 0, 0));
        double low = Math.max(band.lowRatio(), 1e-6);
        for (int i = 1; i <= BAND_STEPS; i++) {
            double a = xmax * i / BAND_STEPS;
            v.add(vertex(tx, ty, a, a / low));
        }
        for (int i = BAND_STEPS; i >= 1; i--) {
            double a = xmax * i / BAND_STEPS;
            v.add(vertex(tx, ty, a, a / band.highRatio()));
        }
        PolygonGate pg = new PolygonGate(g.name(), parentId, dx, dy, simplify(v));
        return new Resolved(pg, new GateRecord(g.name(), "ratio_band", dims, "k=" + fmt(k) + " " + band.describe(),
                vertices(pg.vertices())), List.of());
    }

    private static PolygonGate.Vertex vertex(Transform tx, Transform ty, double x, double y) {
        return new PolygonGate.Vertex(tx == null ? x : tx.apply(x), ty == null ? y : ty.apply(y));
    }

    /** Drops vertices on a straight line between their neighbours (all of them, for linear transforms). */
    private static List<PolygonGate.Vertex> simplify(List<PolygonGate.Vertex> v) {
        List<PolygonGate.Vertex> out = new ArrayList<>();
        int n = v.size();
        for (int i = 0; i < n; i++) {
            PolygonGate.Vertex a = v.get((i - 1 + n) % n);
            PolygonGate.Vertex b = v.get(i);
            PolygonGate.Vertex c = v.get((i + 1) % n);
            double cross = (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
            double scale = Math.abs(c.x() - a.x()) + Math.abs(c.y() - a.y());
            if (Math.abs(cross) > 1e-12 * Math.max(scale * scale, 1e-300)) {
                out.add(b);
            }
        }
        return out.size() >= 3 ? out : v;
    }

    private static String components(GaussianMixture2D.Fit fit) {
        List<String> out = new ArrayList<>();
        for (GaussianMixture2D.Component c : fit.components()) {
            out.add(String.format(Locale.ROOT, "(x=%.3g, y=%.3g, weight=%.2f)", c.meanX(), c.meanY(), c.weight()));
        }
        return String.join(" ", out);
    }

    static String vertices(List<PolygonGate.Vertex> v) {
        StringBuilder sb = new StringBuilder("vertices=");
        for (int i = 0; i < v.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(fmt(v.get(i).x())).append(',').append(fmt(v.get(i).y()));
        }
        return sb.toString();
    }

    static String ellipse(double[] mean, double[][] cov, double r) {
        return "mean=" + fmt(mean[0]) + "," + fmt(mean[1]) + " covariance=" + fmt(cov[0][0]) + "," + fmt(cov[0][1])
                + "," + fmt(cov[1][1]) + " radius=" + fmt(r);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
