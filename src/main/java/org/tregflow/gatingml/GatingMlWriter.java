package org.tregflow.gatingml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EllipsoidGate;
import org.tregflow.gating.Gate;
import org.tregflow.gating.Parameter;
import org.tregflow.gating.PolygonGate;
import org.tregflow.gating.QuadrantGate;
import org.tregflow.gating.RectangleGate;
import org.tregflow.io.AtomicFile;
import org.tregflow.transform.Arcsinh;
import org.tregflow.transform.Bounded;
import org.tregflow.transform.FastLogicle;
import org.tregflow.transform.Hyperlog;
import org.tregflow.transform.Linear;
import org.tregflow.transform.Log;
import org.tregflow.transform.Logicle;
import org.tregflow.transform.Transform;

/**
 * Writes a gate tree with its transforms, ratio dimensions, compensation references and spectrum matrices as a
 * Gating-ML 2.0 file that FlowJo, Cytobank, FlowKit or flowCore can open, and that {@link GatingMlReader} reads back
 * to identical membership. Numbers are written with {@link Double#toString}, which round-trips exactly.
 * Transforms keep the ids the document gives them; others get generated ids ({@code T1}, {@code T2}, ...).
 */
public final class GatingMlWriter {
    private static final String NS = """
            xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating" \
            xmlns:transforms="http://www.isac-net.org/std/Gating-ML/v2.0/transformations" \
            xmlns:data-type="http://www.isac-net.org/std/Gating-ML/v2.0/datatypes\"""";

    private final StringBuilder out = new StringBuilder();
    private final Map<Transform, String> transformIds = new LinkedHashMap<>();
    private final Map<String, Parameter.Ratio> ratios = new LinkedHashMap<>();

    private GatingMlWriter() {
    }

    /** Writes atomically (a temporary file in the same folder, then a rename). */
    public static void write(Path file, GatingMlDocument doc) throws IOException {
        AtomicFile.writeString(file, toXml(doc));
    }

    public static String toXml(GatingMlDocument doc) {
        return new GatingMlWriter().document(doc);
    }

    private String document(GatingMlDocument doc) {
        doc.transforms().forEach((id, t) -> transformIds.putIfAbsent(t, id));
        List<Gate> gates = doc.gates().gates();
        for (Gate g : gates) {
            for (Dimension d : dimensionsOf(g)) {
                collect(d, doc);
            }
        }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<gating:Gating-ML ").append(NS).append(">\n");
        for (Map.Entry<Transform, String> e : transformIds.entrySet()) {
            transformation(e.getValue(), e.getKey());
        }
        for (Parameter.Ratio r : ratios.values()) {
            ratio(r);
        }
        for (SpectrumMatrix m : doc.matrices().values()) {
            matrix(m);
        }
        for (Gate g : gates) {
            gate(g);
        }
        out.append("</gating:Gating-ML>\n");
        return out.toString();
    }

    private static List<Dimension> dimensionsOf(Gate g) {
        if (g instanceof RectangleGate r) {
            return r.dimensions();
        } else if (g instanceof PolygonGate p) {
            return p.dimensions();
        } else if (g instanceof EllipsoidGate e) {
            return e.dimensions();
        } else if (g instanceof QuadrantGate q) {
            return q.dividers().stream().map(QuadrantGate.Divider::dimension).toList();
        }
        return List.of();
    }

    private void collect(Dimension d, GatingMlDocument doc) {
        String comp = d.compensationRef();
        if (!comp.equals(Dimension.FCS) && !comp.equals(Dimension.UNCOMPENSATED) && !doc.matrices().containsKey(comp)) {
            throw new GatingMlException("cannot export: dimension " + d.name() + " refers to compensation '" + comp
                    + "', which is not among the document's spectrum matrices " + doc.matrices().keySet());
        }
        if (d.transform() != null && !transformIds.containsKey(d.transform())) {
            String id;
            int k = transformIds.size() + 1;
            do {
                id = "T" + k++;
            } while (transformIds.containsValue(id) || doc.ratios().containsKey(id));
            transformIds.put(d.transform(), id);
        }
        if (d.parameter() instanceof Parameter.Ratio r) {
            Parameter.Ratio prior = ratios.putIfAbsent(r.id(), r);
            if (prior != null && !prior.equals(r)) {
                throw new GatingMlException("cannot export: two different ratio dimensions share the id " + r.id());
            }
            if (transformIds.containsValue(r.id())) {
                throw new GatingMlException("cannot export: ratio id " + r.id() + " is also a transform id");
            }
        }
    }

    // ---- transformations and matrices

    private void transformation(String id, Transform t) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        if (t instanceof Bounded b) {
            lo = b.boundMin();
            hi = b.boundMax();
            t = b.inner();
        }
        out.append("  <transforms:transformation transforms:id=\"").append(esc(id)).append('"');
        bounds(lo, hi);
        out.append(">\n    ");
        if (t instanceof Linear l) {
            out.append("<transforms:flin").append(a("T", l.T())).append(a("A", l.A()));
        } else if (t instanceof Log l) {
            out.append("<transforms:flog").append(a("T", l.T())).append(a("M", l.M()));
        } else if (t instanceof Arcsinh s) {
            out.append("<transforms:fasinh").append(a("T", s.T())).append(a("M", s.M())).append(a("A", s.A()));
        } else if (t instanceof Logicle || t instanceof FastLogicle) {
            Logicle l = t instanceof FastLogicle f ? f.exact() : (Logicle) t;
            out.append("<transforms:logicle").append(a("T", l.T())).append(a("W", l.W())).append(a("M", l.M()))
                    .append(a("A", l.A()));
        } else if (t instanceof Hyperlog h) {
            out.append("<transforms:hyperlog").append(a("T", h.T())).append(a("W", h.W())).append(a("M", h.M()))
                    .append(a("A", h.A()));
        } else {
            throw new GatingMlException("cannot export transform " + t + ": Gating-ML 2.0 defines flin, flog, fasinh, "
                    + "logicle and hyperlog only");
        }
        out.append("/>\n  </transforms:transformation>\n");
    }

    private void bounds(double lo, double hi) {
        if (lo != Double.NEGATIVE_INFINITY) {
            out.append(" transforms:boundMin=\"").append(num(lo)).append('"');
        }
        if (hi != Double.POSITIVE_INFINITY) {
            out.append(" transforms:boundMax=\"").append(num(hi)).append('"');
        }
    }

    private void ratio(Parameter.Ratio r) {
        out.append("  <transforms:transformation transforms:id=\"").append(esc(r.id())).append('"');
        bounds(r.boundMin(), r.boundMax());
        out.append(">\n    <transforms:fratio").append(a("A", r.a())).append(a("B", r.b())).append(a("C", r.c()))
                .append(">\n");
        out.append("      <data-type:fcs-dimension data-type:name=\"").append(esc(r.numerator())).append("\"/>\n");
        out.append("      <data-type:fcs-dimension data-type:name=\"").append(esc(r.denominator())).append("\"/>\n");
        out.append("    </transforms:fratio>\n  </transforms:transformation>\n");
    }

    private void matrix(SpectrumMatrix m) {
        out.append("  <transforms:spectrumMatrix transforms:id=\"").append(esc(m.id())).append('"');
        if (m.invertedAlready()) {
            out.append(" transforms:matrix-inverted-already=\"true\"");
        }
        out.append(">\n    <transforms:fluorochromes>\n");
        for (String f : m.fluorochromes()) {
            out.append("      <data-type:fcs-dimension data-type:name=\"").append(esc(f)).append("\"/>\n");
        }
        out.append("    </transforms:fluorochromes>\n    <transforms:detectors>\n");
        for (String d : m.detectors()) {
            out.append("      <data-type:fcs-dimension data-type:name=\"").append(esc(d)).append("\"/>\n");
        }
        out.append("    </transforms:detectors>\n");
        for (double[] row : m.coefficients()) {
            out.append("    <transforms:spectrum>\n");
            for (double v : row) {
                out.append("      <transforms:coefficient transforms:value=\"").append(num(v)).append("\"/>\n");
            }
            out.append("    </transforms:spectrum>\n");
        }
        out.append("  </transforms:spectrumMatrix>\n");
    }

    // ---- gates

    private void gate(Gate g) {
        if (g instanceof RectangleGate r) {
            open("RectangleGate", g);
            for (RectangleGate.Range range : r.ranges()) {
                if (!range.hasMin() && !range.hasMax()) {
                    throw new GatingMlException("cannot export: rectangle gate " + g.id() + " leaves dimension "
                            + range.dimension().name() + " open both ways; Gating-ML 2.0 needs a min, a max or both");
                }
                List<String> extra = new ArrayList<>();
                if (range.hasMin()) {
                    extra.add(" gating:min=\"" + num(range.min()) + "\"");
                }
                if (range.hasMax()) {
                    extra.add(" gating:max=\"" + num(range.max()) + "\"");
                }
                dimension("dimension", range.dimension(), String.join("", extra), null);
            }
            close("RectangleGate");
        } else if (g instanceof PolygonGate p) {
            open("PolygonGate", g);
            dimension("dimension", p.x(), "", null);
            dimension("dimension", p.y(), "", null);
            for (PolygonGate.Vertex v : p.vertices()) {
                out.append("    <gating:vertex>\n");
                coordinate(v.x());
                coordinate(v.y());
                out.append("    </gating:vertex>\n");
            }
            close("PolygonGate");
        } else if (g instanceof EllipsoidGate e) {
            open("EllipsoidGate", g);
            for (Dimension d : e.dimensions()) {
                dimension("dimension", d, "", null);
            }
            out.append("    <gating:mean>\n");
            for (double m : e.mean()) {
                coordinate(m);
            }
            out.append("    </gating:mean>\n    <gating:covarianceMatrix>\n");
            for (double[] row : e.covariance()) {
                out.append("      <gating:row>\n");
                for (double v : row) {
                    out.append("        <gating:entry data-type:value=\"").append(num(v)).append("\"/>\n");
                }
                out.append("      </gating:row>\n");
            }
            out.append("    </gating:covarianceMatrix>\n");
            out.append("    <gating:distanceSquare data-type:value=\"").append(num(e.distanceSquare())).append("\"/>\n");
            close("EllipsoidGate");
        } else if (g instanceof QuadrantGate q) {
            open("QuadrantGate", g);
            for (QuadrantGate.Divider d : q.dividers()) {
                dimension("divider", d.dimension(), " gating:id=\"" + esc(d.id()) + "\"", d.values());
            }
            for (QuadrantGate.Quadrant quad : q.quadrants()) {
                out.append("    <gating:Quadrant gating:id=\"").append(esc(quad.id())).append("\">\n");
                quad.positions().forEach((div, loc) -> out.append("      <gating:position gating:divider_ref=\"")
                        .append(esc(div)).append("\" gating:location=\"").append(num(loc)).append("\"/>\n"));
                out.append("    </gating:Quadrant>\n");
            }
            close("QuadrantGate");
        } else if (g instanceof BooleanGate b) {
            open("BooleanGate", g);
            String op = b.operator().name().toLowerCase(java.util.Locale.ROOT);
            out.append("    <gating:").append(op).append(">\n");
            for (BooleanGate.Reference r : b.references()) {
                out.append("      <gating:gateReference gating:ref=\"").append(esc(r.gateId())).append('"');
                if (r.complement()) {
                    out.append(" gating:use-as-complement=\"true\"");
                }
                out.append("/>\n");
            }
            out.append("    </gating:").append(op).append(">\n");
            close("BooleanGate");
        }
    }

    private void open(String element, Gate g) {
        out.append("  <gating:").append(element).append(" gating:id=\"").append(esc(g.id())).append('"');
        if (g.parentId() != null) {
            out.append(" gating:parent_id=\"").append(esc(g.parentId())).append('"');
        }
        out.append(">\n");
    }

    private void close(String element) {
        out.append("  </gating:").append(element).append(">\n");
    }

    private void dimension(String element, Dimension d, String extraAttributes, List<Double> dividerValues) {
        out.append("    <gating:").append(element).append(extraAttributes)
                .append(" gating:compensation-ref=\"").append(esc(d.compensationRef())).append('"');
        if (d.transform() != null) {
            out.append(" gating:transformation-ref=\"").append(esc(transformIds.get(d.transform()))).append('"');
        }
        out.append(">\n");
        if (d.parameter() instanceof Parameter.Ratio r) {
            out.append("      <data-type:new-dimension data-type:transformation-ref=\"").append(esc(r.id()))
                    .append("\"/>\n");
        } else {
            out.append("      <data-type:fcs-dimension data-type:name=\"").append(esc(d.name())).append("\"/>\n");
        }
        if (dividerValues != null) {
            for (double v : dividerValues) {
                out.append("      <gating:value>").append(num(v)).append("</gating:value>\n");
            }
        }
        out.append("    </gating:").append(element).append(">\n");
    }

    private void coordinate(double v) {
        out.append("      <gating:coordinate data-type:value=\"").append(num(v)).append("\"/>\n");
    }

    private static String a(String name, double v) {
        return " transforms:" + name + "=\"" + num(v) + "\"";
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            throw new GatingMlException("cannot export the non-finite number " + v);
        }
        // Integers plainly, but -0.0 as itself: it reads back as a different (if equivalent) number than 0.
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && Double.doubleToRawLongBits(v) != Long.MIN_VALUE) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
