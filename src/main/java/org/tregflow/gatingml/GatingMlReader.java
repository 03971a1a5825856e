package org.tregflow.gatingml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EllipsoidGate;
import org.tregflow.gating.Gate;
import org.tregflow.gating.GateException;
import org.tregflow.gating.GateTree;
import org.tregflow.gating.Parameter;
import org.tregflow.gating.PolygonGate;
import org.tregflow.gating.QuadrantGate;
import org.tregflow.gating.RectangleGate;
import org.tregflow.transform.Arcsinh;
import org.tregflow.transform.Bounded;
import org.tregflow.transform.Hyperlog;
import org.tregflow.transform.Linear;
import org.tregflow.transform.Log;
import org.tregflow.transform.Logicle;
import org.tregflow.transform.Transform;

/**
 * Reads a Gating-ML 2.0 file: rectangle, polygon, ellipsoid, quadrant and boolean gates; flin, flog, fasinh,
 * logicle, hyperlog and fratio transformations with their optional boundMin/boundMax; spectrum matrices; per
 * dimension compensation. Elements are matched by local name (prefixes vary between tools). Every error names
 * the file, the line and the element or attribute at fault.
 */
public final class GatingMlReader {
    private static final String GATING_ML_NS = "http://www.isac-net.org/std/Gating-ML/v2.0/";
    private static final java.util.Set<String> TOP_LEVEL = java.util.Set.of("RectangleGate", "PolygonGate",
            "EllipsoidGate", "QuadrantGate", "BooleanGate", "transformation", "spectrumMatrix", "custom_info");
    private final String source;
    private final Map<String, Transform> transforms = new LinkedHashMap<>();
    private final Map<String, Parameter.Ratio> ratios = new LinkedHashMap<>();
    private final Map<String, SpectrumMatrix> matrices = new LinkedHashMap<>();

    private GatingMlReader(String source) {
        this.source = source;
    }

    public static GatingMlDocument read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new GatingMlException(file + ": no such Gating-ML file");
        } catch (IOException e) {
            throw new GatingMlException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static GatingMlDocument read(String xml) {
        try {
            return read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "<string>");
        } catch (IOException e) {
            throw new GatingMlException("cannot read Gating-ML text: " + e.getMessage(), e);
        }
    }

    public static GatingMlDocument read(InputStream in, String sourceName) throws IOException {
        XmlElement root = XmlElement.parse(in, sourceName);
        return new GatingMlReader(sourceName).document(root);
    }

    private GatingMlDocument document(XmlElement root) {
        if (!root.name.equals("Gating-ML")) {
            throw error(root, "the root element is <" + root.name + ">, not <Gating-ML>: this is not a Gating-ML 2.0 file");
        }
        List<XmlElement> items = new ArrayList<>();
        flatten(root, items);
        // Transformations and matrices may follow the gates that use them: read them first.
        for (XmlElement e : items) {
            try {
                if (e.name.equals("transformation")) {
                    transformation(e);
                } else if (e.name.equals("spectrumMatrix")) {
                    spectrumMatrix(e);
                }
            } catch (IllegalArgumentException | GateException ex) {
                throw error(e, ex.getMessage());
            }
        }
        List<Gate> gates = new ArrayList<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (XmlElement e : items) {
            try {
                Gate g = gate(e);
                if (g != null) {
                    gates.add(g);
                    lines.putIfAbsent(g.id(), e.line);
                }
            } catch (IllegalArgumentException | GateException ex) {
                // Value checks in the gate records (non-finite vertex, bad shape) are reported at the gate element.
                throw error(e, ex.getMessage());
            }
        }
        GateTree tree;
        try {
            tree = new GateTree(gates);
        } catch (GateException e) {
            // Tree errors start "gate <id>: ..."; point at that gate's line.
            String line = "";
            for (Map.Entry<String, Integer> l : lines.entrySet()) {
                if (e.getMessage().startsWith("gate " + l.getKey() + ":")) {
                    line = ":" + l.getValue();
                }
            }
            throw new GatingMlException(source + line + ": " + e.getMessage(), e);
        }
        return new GatingMlDocument(tree, transforms, ratios, matrices);
    }

    /** One top-level element as a gate, or null for a transformation, matrix or custom_info. */
    private Gate gate(XmlElement e) {
        return switch (e.name) {
            case "RectangleGate" -> rectangle(e);
            case "PolygonGate" -> polygon(e);
            case "EllipsoidGate" -> ellipsoid(e);
            case "QuadrantGate" -> quadrant(e);
            case "BooleanGate" -> bool(e);
            case "transformation", "spectrumMatrix", "custom_info" -> null;
            default -> throw error(e, "unknown element <" + e.name + "> (expected a gate, transformation or "
                    + "spectrumMatrix)");
        };
    }

    /**
     * The root's children, except that an element from outside the Gating-ML namespaces (a tool's wrapper, such
     * as FlowKit's test files use) is replaced by its own children: gates inside it are still gates.
     */
    private static void flatten(XmlElement parent, List<XmlElement> out) {
        for (XmlElement c : parent.children) {
            if (c.namespace.startsWith(GATING_ML_NS) || TOP_LEVEL.contains(c.name)) {
                out.add(c);
            } else {
                flatten(c, out);
            }
        }
    }

    // ---- transformations and matrices

    private void transformation(XmlElement e) {
        String id = required(e, "id");
        if (transforms.containsKey(id) || ratios.containsKey(id)) {
            throw error(e, "transformation id '" + id + "' is defined twice");
        }
        double boundMin = optionalNumber(e, "boundMin", Double.NEGATIVE_INFINITY);
        double boundMax = optionalNumber(e, "boundMax", Double.POSITIVE_INFINITY);
        if (boundMin > boundMax) {
            throw error(e, "boundMin " + boundMin + " exceeds boundMax " + boundMax);
        }
        XmlElement f = null;
        for (XmlElement c : e.children) {
            if (!c.name.equals("custom_info")) {
                if (f != null) {
                    throw error(c, "transformation " + id + " has more than one function");
                }
                f = c;
            }
        }
        if (f == null) {
            throw error(e, "transformation " + id + " has no function (flin, flog, fasinh, logicle, hyperlog, fratio)");
        }
        if (f.name.equals("fratio")) {
            List<XmlElement> dims = f.children("fcs-dimension");
            if (dims.size() != 2) {
                throw error(f, "fratio " + id + " needs exactly 2 fcs-dimension elements, found " + dims.size());
            }
            ratios.put(id, new Parameter.Ratio(id, required(dims.get(0), "name"), required(dims.get(1), "name"),
                    number(f, "A"), number(f, "B"), number(f, "C"), boundMin, boundMax));
            return;
        }
        Transform t;
        try {
            t = switch (f.name) {
                case "flin" -> new Linear(number(f, "T"), optionalNumber(f, "A", 0));
                case "flog" -> new Log(number(f, "T"), number(f, "M"));
                case "fasinh" -> new Arcsinh(number(f, "T"), number(f, "M"), number(f, "A"));
                case "logicle" -> new Logicle(number(f, "T"), number(f, "W"), number(f, "M"), number(f, "A"));
                case "hyperlog" -> new Hyperlog(number(f, "T"), number(f, "W"), number(f, "M"), number(f, "A"));
                default -> throw error(f, "unknown transformation function <" + f.name + ">");
            };
        } catch (IllegalArgumentException ex) {
            throw error(f, "transformation " + id + ": " + ex.getMessage());
        }
        if (boundMin != Double.NEGATIVE_INFINITY || boundMax != Double.POSITIVE_INFINITY) {
            t = new Bounded(t, boundMin, boundMax);
        }
        transforms.put(id, t);
    }

    private void spectrumMatrix(XmlElement e) {
        String id = required(e, "id");
        if (matrices.containsKey(id) || Dimension.FCS.equals(id) || Dimension.UNCOMPENSATED.equals(id)) {
            throw error(e, "spectrumMatrix id '" + id + "' is defined twice or reserved");
        }
        boolean inverted = "true".equalsIgnoreCase(e.attr("matrix-inverted-already"));
        List<String> fluoro = names(e, "fluorochromes");
        List<String> detectors = names(e, "detectors");
        List<XmlElement> spectra = e.children("spectrum");
        double[][] v = new double[spectra.size()][];
        for (int r = 0; r < v.length; r++) {
            List<XmlElement> cs = spectra.get(r).children("coefficient");
            v[r] = new double[cs.size()];
            for (int c = 0; c < cs.size(); c++) {
                v[r][c] = number(cs.get(c), "value");
            }
        }
        try {
            matrices.put(id, new SpectrumMatrix(id, fluoro, detectors, v, inverted));
        } catch (IllegalArgumentException ex) {
            throw error(e, ex.getMessage());
        }
    }

    private List<String> names(XmlElement matrix, String list) {
        XmlElement l = matrix.child(list);
        if (l == null) {
            throw error(matrix, "spectrumMatrix has no <" + list + ">");
        }
        List<String> out = new ArrayList<>();
        for (XmlElement d : l.children("fcs-dimension")) {
            out.add(required(d, "name"));
        }
        return out;
    }

    // ---- gates

    private RectangleGate rectangle(XmlElement e) {
        List<RectangleGate.Range> ranges = new ArrayList<>();
        for (XmlElement d : e.children("dimension")) {
            double min = optionalNumber(d, "min", Double.NEGATIVE_INFINITY);
            double max = optionalNumber(d, "max", Double.POSITIVE_INFINITY);
            // Absent and blank read alike (optionalNumber), so a dimension with max="" and no min is open both
            // ways, which the standard does not allow (and which could not be written back).
            if (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY) {
                throw error(d, "a rectangle gate dimension needs min, max or both");
            }
            try {
                ranges.add(new RectangleGate.Range(dimension(d), min, max));
            } catch (IllegalArgumentException ex) {
                throw error(d, ex.getMessage());
            }
        }
        return build(e, () -> new RectangleGate(required(e, "id"), e.attr("parent_id"), ranges));
    }

    private PolygonGate polygon(XmlElement e) {
        List<XmlElement> dims = e.children("dimension");
        if (dims.size() != 2) {
            throw error(e, "a polygon gate needs exactly 2 dimensions, found " + dims.size());
        }
        Dimension x = dimension(dims.get(0));
        Dimension y = dimension(dims.get(1));
        List<PolygonGate.Vertex> vs = new ArrayList<>();
        for (XmlElement v : e.children("vertex")) {
            List<XmlElement> cs = v.children("coordinate");
            if (cs.size() != 2) {
                throw error(v, "a polygon vertex needs 2 coordinates, found " + cs.size());
            }
            vs.add(new PolygonGate.Vertex(number(cs.get(0), "value"), number(cs.get(1), "value")));
        }
        return build(e, () -> new PolygonGate(required(e, "id"), e.attr("parent_id"), x, y, vs));
    }

    private EllipsoidGate ellipsoid(XmlElement e) {
        List<Dimension> dims = new ArrayList<>();
        for (XmlElement d : e.children("dimension")) {
            dims.add(dimension(d));
        }
        XmlElement meanEl = requiredChild(e, "mean");
        List<XmlElement> mc = meanEl.children("coordinate");
        double[] mean = new double[mc.size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = number(mc.get(i), "value");
        }
        List<XmlElement> rows = requiredChild(e, "covarianceMatrix").children("row");
        double[][] cov = new double[rows.size()][];
        for (int r = 0; r < cov.length; r++) {
            List<XmlElement> entries = rows.get(r).children("entry");
            cov[r] = new double[entries.size()];
            for (int c = 0; c < entries.size(); c++) {
                cov[r][c] = number(entries.get(c), "value");
            }
        }
        double d2 = number(requiredChild(e, "distanceSquare"), "value");
        return build(e, () -> new EllipsoidGate(required(e, "id"), e.attr("parent_id"), dims, mean, cov, d2));
    }

    private QuadrantGate quadrant(XmlElement e) {
        List<QuadrantGate.Divider> dividers = new ArrayList<>();
        for (XmlElement d : e.children("divider")) {
            List<Double> values = new ArrayList<>();
            for (XmlElement v : d.children("value")) {
                values.add(parse(v, "value", v.text()));
            }
            Dimension dim = dimension(d);
            dividers.add(build(d, () -> new QuadrantGate.Divider(required(d, "id"), dim, values)));
        }
        List<QuadrantGate.Quadrant> quadrants = new ArrayList<>();
        for (XmlElement q : e.children("Quadrant")) {
            Map<String, Double> pos = new LinkedHashMap<>();
            for (XmlElement p : q.children("position")) {
                pos.put(required(p, "divider_ref"), number(p, "location"));
            }
            quadrants.add(new QuadrantGate.Quadrant(required(q, "id"), pos));
        }
        return build(e, () -> new QuadrantGate(required(e, "id"), e.attr("parent_id"), dividers, quadrants));
    }

    private BooleanGate bool(XmlElement e) {
        XmlElement op = null;
        for (XmlElement c : e.children) {
            if (c.name.equals("and") || c.name.equals("or") || c.name.equals("not")) {
                if (op != null) {
                    throw error(c, "a boolean gate takes one of and/or/not, found a second <" + c.name + ">");
                }
                op = c;
            }
        }
        if (op == null) {
            throw error(e, "boolean gate " + e.attr("id") + " has no <and>, <or> or <not>");
        }
        List<BooleanGate.Reference> refs = new ArrayList<>();
        for (XmlElement r : op.children("gateReference")) {
            refs.add(new BooleanGate.Reference(required(r, "ref"), "true".equalsIgnoreCase(r.attr("use-as-complement"))));
        }
        BooleanGate.Operator operator = BooleanGate.Operator.valueOf(op.name.toUpperCase(java.util.Locale.ROOT));
        return build(e, () -> new BooleanGate(required(e, "id"), e.attr("parent_id"), operator, refs));
    }

    /** A gating:dimension or gating:divider: compensation, transform, and an FCS or ratio parameter. */
    private Dimension dimension(XmlElement d) {
        String comp = d.attr("compensation-ref");
        if (comp == null) {
            comp = Dimension.UNCOMPENSATED;
        } else if (!comp.equals(Dimension.FCS) && !comp.equals(Dimension.UNCOMPENSATED) && !matrices.containsKey(comp)) {
            throw error(d, "compensation-ref '" + comp + "' names no spectrumMatrix; defined: " + matrices.keySet()
                    + " (or FCS, uncompensated)");
        }
        Transform t = null;
        String tref = d.attr("transformation-ref");
        if (tref != null) {
            t = transforms.get(tref);
            if (t == null) {
                throw error(d, "transformation-ref '" + tref + "' names no transformation"
                        + (ratios.containsKey(tref) ? " usable here (fratio belongs in <new-dimension>)" : "")
                        + "; defined: " + transforms.keySet());
            }
        }
        XmlElement fcs = d.child("fcs-dimension");
        XmlElement nd = d.child("new-dimension");
        Parameter p;
        if (fcs != null) {
            p = new Parameter.Named(required(fcs, "name"));
        } else if (nd != null) {
            String ref = required(nd, "transformation-ref");
            p = ratios.get(ref);
            if (p == null) {
                throw error(nd, "new-dimension transformation-ref '" + ref + "' names no fratio transformation; "
                        + "fratio defined: " + ratios.keySet());
            }
        } else {
            throw error(d, "<" + d.name + "> has neither <fcs-dimension> nor <new-dimension>");
        }
        return new Dimension(p, comp, t);
    }

    // ---- helpers

    private interface Builder<T> {
        T get();
    }

    private <T> T build(XmlElement e, Builder<T> b) {
        try {
            return b.get();
        } catch (IllegalArgumentException | GateException ex) {
            throw error(e, ex.getMessage());
        }
    }

    private GatingMlException error(XmlElement e, String message) {
        return new GatingMlException(source + ":" + e.line + ": <" + e.name + ">: " + message);
    }

    private String required(XmlElement e, String attr) {
        String v = e.attr(attr);
        if (v == null || v.isBlank()) {
            throw error(e, "missing attribute '" + attr + "'");
        }
        return v.trim();
    }

    private XmlElement requiredChild(XmlElement e, String name) {
        XmlElement c = e.child(name);
        if (c == null) {
            throw error(e, "missing element <" + name + ">");
        }
        return c;
    }

    private double number(XmlElement e, String attr) {
        return parse(e, attr, required(e, attr));
    }

    private double optionalNumber(XmlElement e, String attr, double fallback) {
        String v = e.attr(attr);
        return v == null || v.isBlank() ? fallback : parse(e, attr, v.trim());
    }

    private double parse(XmlElement e, String attr, String v) {
        try {
            double x = Double.parseDouble(v.trim());
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw error(e, "attribute '" + attr + "' is '" + v + "', not a finite number");
    }
}
