package org.tregflow.gatingml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EllipsoidGate;
import org.tregflow.gating.Gate;
import org.tregflow.gating.GateTree;
import org.tregflow.gating.Parameter;
import org.tregflow.gating.PolygonGate;
import org.tregflow.gating.QuadrantGate;
import org.tregflow.gating.RectangleGate;
import org.tregflow.transform.Arcsinh;
import org.tregflow.transform.Bounded;
import org.tregflow.transform.FastLogicle;
import org.tregflow.transform.Logicle;
import org.tregflow.transform.Transform;

/** A tree built in code, as the pipeline builds it, exported and read back as equal gate objects. */
class GatingMlWriterTest {
    final Transform logicle = new Logicle(262144, 0.5, 4.5, 0);
    final Transform bounded = new Bounded(new Arcsinh(262144, 5, 0), 0.05, 0.95);
    final Dimension fsc = Dimension.uncompensated("FSC-A");
    final Dimension ssc = Dimension.uncompensated("SSC-A");
    final Dimension cd3 = Dimension.of("CD3 <BV421>", logicle);   // a name needing no escaping but odd characters
    final Dimension cd4 = new Dimension(new Parameter.Named("CD4 & co"), "M1", bounded);
    final Dimension ratio = new Dimension(new Parameter.Ratio("fsc_ratio", "FSC-A", "FSC-H", 1, 0, 0, 0.5, 3),
            Dimension.UNCOMPENSATED, null);

    GateTree tree() {
        return GateTree.of(
                new PolygonGate("Lymphocytes", null, fsc, ssc, List.of(new PolygonGate.Vertex(1e4, 0),
                        new PolygonGate.Vertex(1.2e5, 0), new PolygonGate.Vertex(1.2e5, 6.5e4),
                        new PolygonGate.Vertex(1e4, 6.5e4))),
                RectangleGate.range("Singlets", "Lymphocytes", ratio, 0.8, 1.25),
                new RectangleGate("T cells", "Singlets", List.of(RectangleGate.Range.atLeast(cd3, 0.412345678901234))),
                new QuadrantGate("Q", "T cells",
                        List.of(new QuadrantGate.Divider("d3", cd3, List.of(0.6)),
                                new QuadrantGate.Divider("d4", cd4, List.of(0.3, 0.7))),
                        List.of(new QuadrantGate.Quadrant("CD4hi", Map.of("d3", 1.0, "d4", 0.8)),
                                new QuadrantGate.Quadrant("CD4mid", Map.of("d4", 0.5)))),
                new EllipsoidGate("E", "Singlets", List.of(cd3, cd4), new double[] {0.5, 0.5},
                        new double[][] {{0.01, 0.002}, {0.002, 0.02}}, 1.5),
                new BooleanGate("Not CD4hi", "T cells", BooleanGate.Operator.AND,
                        List.of(BooleanGate.Reference.complementOf("CD4hi"), BooleanGate.Reference.to("E"))));
    }

    @Test
    void reimportGivesEqualGates() {
        SpectrumMatrix m1 = new SpectrumMatrix("M1", List.of("CD4 & co", "CD3 <BV421>"), List.of("B1", "V1"),
                new double[][] {{1, 0.1}, {0.05, 1}}, false);
        GatingMlDocument doc = GatingMlDocument.of(tree(), Map.of("M1", m1));
        String xml = GatingMlWriter.toXml(doc);
        assertTrue(xml.contains("CD4 &amp; co") && xml.contains("CD3 &lt;BV421&gt;"), "names are escaped");
        GatingMlDocument back = GatingMlReader.read(xml);
        List<Gate> a = tree().gates();
        List<Gate> b = back.gates().gates();
        assertEquals(a, b);
        assertEquals(m1, back.matrices().get("M1"));
        assertEquals(Map.of("T1", logicle, "T2", bounded), back.transforms());
        assertEquals(List.of("Singlets"), back.gates().childrenOf("Lymphocytes"));
        assertEquals(List.of("CD4hi", "CD4mid", "Not CD4hi"), back.gates().childrenOf("T cells"));
    }

    @Test
    void fastLogicleIsWrittenAsLogicle() {
        Dimension d = Dimension.of("CD25", new FastLogicle(262144, 0.5, 4.5, 0));
        String xml = GatingMlWriter.toXml(GatingMlDocument.of(GateTree.of(RectangleGate.range("hi", null, d, 0.7, 1))));
        GatingMlDocument back = GatingMlReader.read(xml);
        RectangleGate g = (RectangleGate) back.gates().gate("hi");
        assertEquals(new Logicle(262144, 0.5, 4.5, 0), g.ranges().get(0).dimension().transform());
    }

    @Test
    void unknownMatrixOrTransformCannotBeExported() {
        Dimension d = new Dimension(new Parameter.Named("X"), "nowhere", null);
        GatingMlException e = assertThrows(GatingMlException.class, () -> GatingMlWriter.toXml(
                GatingMlDocument.of(GateTree.of(RectangleGate.range("r", null, d, 0, 1)))));
        assertTrue(e.getMessage().contains("compensation 'nowhere'"), e.getMessage());
        Transform custom = new Transform() {
            @Override
            public double apply(double x) {
                return x;
            }

            @Override
            public double inverse(double y) {
                return y;
            }
        };
        GatingMlException e2 = assertThrows(GatingMlException.class, () -> GatingMlWriter.toXml(GatingMlDocument.of(
                GateTree.of(RectangleGate.range("r", null, Dimension.of("X", custom), 0, 1)))));
        assertTrue(e2.getMessage().contains("Gating-ML 2.0 defines flin, flog, fasinh, logicle and hyperlog only"));
        // A range open both ways is a valid gate here but has no Gating-ML form (the reader refuses it too).
        GatingMlException e3 = assertThrows(GatingMlException.class, () -> GatingMlWriter.toXml(GatingMlDocument.of(
                GateTree.of(RectangleGate.range("any", null, Dimension.of("FSC-A", null), Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY)))));
        assertEquals("cannot export: rectangle gate any leaves dimension FSC-A open both ways; Gating-ML 2.0 needs a"
                + " min, a max or both", e3.getMessage());
    }
}
