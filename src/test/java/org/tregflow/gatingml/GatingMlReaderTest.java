package org.tregflow.gatingml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.EventTable;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.Parameter;
import org.tregflow.gating.Population;
import org.tregflow.gating.RectangleGate;
import org.tregflow.transform.Bounded;
import org.tregflow.transform.Logicle;

class GatingMlReaderTest {
    static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating"
                xmlns:transforms="http://www.isac-net.org/std/Gating-ML/v2.0/transformations"
                xmlns:data-type="http://www.isac-net.org/std/Gating-ML/v2.0/datatypes">
            """;
    static final String TAIL = "</gating:Gating-ML>\n";

    @TempDir
    Path tmp;

    static EventTable table(String[] names, float[]... cols) {
        Channel[] ch = new Channel[names.length];
        for (int i = 0; i < names.length; i++) {
            ch[i] = Channel.ofFloat(i + 1, names[i], null, 262144);
        }
        return new EventTable(List.of(ch), cols, cols[0].length);
    }

    @Test
    void refusesExternalEntities() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        Path xxe = tmp.resolve("xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE g [ <!ENTITY x SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + HEAD.substring(HEAD.indexOf("<gating:Gating-ML"))
                + "<gating:RectangleGate gating:id=\"&x;\"><gating:dimension gating:min=\"1\">"
                + "<data-type:fcs-dimension data-type:name=\"A\"/></gating:dimension></gating:RectangleGate>" + TAIL);
        GatingMlException e = assertThrows(GatingMlException.class, () -> GatingMlReader.read(xxe));
        assertTrue(e.getMessage().contains("DOCTYPE declarations are not allowed"), e.getMessage());
        assertTrue(e.getMessage().startsWith(xxe.toString() + ":2:"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void malformedXmlNamesTheLine() {
        GatingMlException e = assertThrows(GatingMlException.class, () -> GatingMlReader.read(HEAD
                + "<gating:RectangleGate gating:id=\"R\">\n</gating:PolygonGate>\n" + TAIL));
        assertTrue(e.getMessage().startsWith("<string>:6: not well-formed XML"), e.getMessage());
    }

    @Test
    void unknownReferencesNameTheElementAndLine() {
        String unknownTransform = HEAD + """
                <gating:RectangleGate gating:id="R">
                  <gating:dimension gating:compensation-ref="uncompensated" gating:transformation-ref="nope" gating:min="0">
                    <data-type:fcs-dimension data-type:name="FL1-H"/>
                  </gating:dimension>
                </gating:RectangleGate>
                """ + TAIL;
        GatingMlException e1 = assertThrows(GatingMlException.class, () -> GatingMlReader.read(unknownTransform));
        assertEquals("<string>:6: <dimension>: transformation-ref 'nope' names no transformation; defined: []",
                e1.getMessage());

        String unknownMatrix = unknownTransform.replace("gating:transformation-ref=\"nope\" ", "")
                .replace("uncompensated", "MyMatrix");
        GatingMlException e2 = assertThrows(GatingMlException.class, () -> GatingMlReader.read(unknownMatrix));
        assertTrue(e2.getMessage().startsWith("<string>:6: <dimension>: compensation-ref 'MyMatrix' names no "
                + "spectrumMatrix"), e2.getMessage());

        String unknownGate = HEAD + """
                <gating:BooleanGate gating:id="B">
                  <gating:and>
                    <gating:gateReference gating:ref="X"/>
                    <gating:gateReference gating:ref="Y" gating:use-as-complement="true"/>
                  </gating:and>
                </gating:BooleanGate>
                """ + TAIL;
        GatingMlException e3 = assertThrows(GatingMlException.class, () -> GatingMlReader.read(unknownGate));
        assertTrue(e3.getMessage().startsWith("<string>:5: gate B: gate reference 'X' is not defined"), e3.getMessage());

        String badNumber = unknownTransform.replace("gating:transformation-ref=\"nope\" ", "")
                .replace("gating:min=\"0\"", "gating:min=\"zero\"");
        GatingMlException e4 = assertThrows(GatingMlException.class, () -> GatingMlReader.read(badNumber));
        assertEquals("<string>:6: <dimension>: attribute 'min' is 'zero', not a finite number", e4.getMessage());

        GatingMlException e5 = assertThrows(GatingMlException.class, () -> GatingMlReader.read("<html/>"));
        assertTrue(e5.getMessage().contains("not a Gating-ML 2.0 file"), e5.getMessage());
    }

    @Test
    void aRectangleDimensionNeedsABoundWithAValue() {
        // A blank bound reads as no bound; with the other one absent the dimension would be open both ways, and its
        // export could not be read back (a fuzzing session's finding).
        String rectangle = HEAD + """
                <gating:RectangleGate gating:id="S">
                  <gating:dimension gating:min="MIN" gating:max="MAX">
                    <data-type:fcs-dimension data-type:name="FSC-A"/>
                  </gating:dimension>
                </gating:RectangleGate>
                """ + TAIL;
        for (String bounds : new String[] {"gating:max=\"\"", "gating:min=\" \" gating:max=\"\""}) {
            String xml = rectangle.replace("gating:min=\"MIN\" gating:max=\"MAX\"", bounds);
            GatingMlException e = assertThrows(GatingMlException.class, () -> GatingMlReader.read(xml), bounds);
            assertEquals("<string>:6: <dimension>: a rectangle gate dimension needs min, max or both", e.getMessage());
        }
        String openAbove = rectangle.replace("gating:min=\"MIN\" gating:max=\"MAX\"", "gating:min=\"2\" gating:max=\"\"");
        RectangleGate gate = (RectangleGate) GatingMlReader.read(openAbove).gates().gates().get(0);
        assertEquals(2.0, gate.ranges().get(0).min());
        assertEquals(Double.POSITIVE_INFINITY, gate.ranges().get(0).max());
        RectangleGate again = (RectangleGate) GatingMlReader.read(GatingMlWriter.toXml(GatingMlReader.read(openAbove)))
                .gates().gates().get(0);
        assertEquals(gate.ranges(), again.ranges());
    }

    @Test
    void transformsWithBoundsAndRatios() {
        GatingMlDocument doc = GatingMlReader.read(HEAD + """
                <transforms:transformation transforms:id="L" transforms:boundMin="0.1">
                  <transforms:logicle transforms:T="262144" transforms:W="0.5" transforms:M="4.5" transforms:A="0"/>
                </transforms:transformation>
                <transforms:transformation transforms:id="R" transforms:boundMax="2">
                  <transforms:fratio transforms:A="2" transforms:B="1" transforms:C="-1">
                    <data-type:fcs-dimension data-type:name="X"/>
                    <data-type:fcs-dimension data-type:name="Y"/>
                  </transforms:fratio>
                </transforms:transformation>
                <gating:RectangleGate gating:id="G">
                  <gating:dimension gating:compensation-ref="uncompensated" gating:min="1" gating:max="2.5">
                    <data-type:new-dimension data-type:transformation-ref="R"/>
                  </gating:dimension>
                </gating:RectangleGate>
                """ + TAIL);
        Bounded l = assertInstanceOf(Bounded.class, doc.transforms().get("L"));
        assertEquals(0.1, l.boundMin());
        assertEquals(new Logicle(262144, 0.5, 4.5, 0), l.inner());
        Parameter.Ratio r = doc.ratios().get("R");
        assertEquals(new Parameter.Ratio("R", "X", "Y", 2, 1, -1, Double.NEGATIVE_INFINITY, 2), r);
        // ratio 2*(x-1)/(y+1): (3,1) -> 2; (5,1) -> 4 clamped to 2; (2,3) -> 0.5; (2,0) -> 2
        EventTable t = table(new String[] {"X", "Y"}, new float[] {3, 5, 2, 2}, new float[] {1, 1, 3, 0});
        Map<String, Population> m = doc.gates().evaluate(new GatingMlEventSource(t, null, doc.matrices()));
        assertEquals(List.of(0, 1, 3), java.util.Arrays.stream(m.get("G").indices()).boxed().toList());
        RectangleGate g = (RectangleGate) doc.gates().gate("G");
        assertEquals(r, g.ranges().get(0).dimension().parameter());
    }

    @Test
    void compensationPerDimensionFcsMatrixAndNonSquareSpectrum() {
        // Spillover S = [[1, .5], [0, 1]] on detectors A, B: observed (A, B) = (f1, .5 f1 + f2).
        // Event (10, 8) unmixes to f1 = 10, f2 = 3. S⁻¹ = [[1, -.5], [0, 1]].
        SpilloverMatrix s = new SpilloverMatrix(List.of("A", "B"), new double[][] {{1, 0.5}, {0, 1}});
        // Non-square: one fluorochrome seen as (1, 1) in A and B: least squares f = (A + B) / 2 = 9.
        GatingMlDocument doc = GatingMlReader.read(HEAD + """
                <transforms:spectrumMatrix transforms:id="one">
                  <transforms:fluorochromes><data-type:fcs-dimension data-type:name="F"/></transforms:fluorochromes>
                  <transforms:detectors>
                    <data-type:fcs-dimension data-type:name="A"/><data-type:fcs-dimension data-type:name="B"/>
                  </transforms:detectors>
                  <transforms:spectrum>
                    <transforms:coefficient transforms:value="1"/><transforms:coefficient transforms:value="1"/>
                  </transforms:spectrum>
                </transforms:spectrumMatrix>
                <gating:RectangleGate gating:id="mixed">
                  <gating:dimension gating:compensation-ref="FCS" gating:min="2.99" gating:max="3.01">
                    <data-type:fcs-dimension data-type:name="B"/>
                  </gating:dimension>
                  <gating:dimension gating:compensation-ref="uncompensated" gating:min="7.99" gating:max="8.01">
                    <data-type:fcs-dimension data-type:name="B"/>
                  </gating:dimension>
                  <gating:dimension gating:compensation-ref="one" gating:min="8.99" gating:max="9.01">
                    <data-type:fcs-dimension data-type:name="F"/>
                  </gating:dimension>
                  <gating:dimension gating:compensation-ref="FCS" gating:min="99" gating:max="101">
                    <data-type:fcs-dimension data-type:name="FSC"/>
                  </gating:dimension>
                </gating:RectangleGate>
                """ + TAIL);
        EventTable t = table(new String[] {"A", "B", "FSC"}, new float[] {10, 10}, new float[] {8, 9}, new float[] {100, 100});
        GatingMlEventSource src = new GatingMlEventSource(t, s, doc.matrices());
        assertEquals(3.0, src.doubleValues(new Dimension(new Parameter.Named("B"), "FCS", null))[0], 1e-12);
        assertEquals(9.0, src.doubleValues(new Dimension(new Parameter.Named("F"), "one", null))[0], 1e-12);
        // a square matrix also compensates a dimension named by its detector (as FlowJo exports write it)
        SpectrumMatrix named = new SpectrumMatrix("acq", List.of("dyeA", "dyeB"), List.of("A", "B"),
                new double[][] {{1, 0.5}, {0, 1}}, false);
        GatingMlEventSource bySquare = new GatingMlEventSource(t, null, Map.of("acq", named));
        assertEquals(3.0, bySquare.doubleValues(new Dimension(new Parameter.Named("B"), "acq", null))[0], 1e-12);
        assertEquals(3.0, bySquare.doubleValues(new Dimension(new Parameter.Named("dyeB"), "acq", null))[0], 1e-12);
        // ... but a detector of a non-square matrix has no fluorochrome of its own: refused, not left uncompensated
        org.tregflow.gating.GateException e = assertThrows(org.tregflow.gating.GateException.class,
                () -> src.doubleValues(new Dimension(new Parameter.Named("A"), "one", null)));
        assertTrue(e.getMessage().startsWith("'A' is a detector of the non-square spectrum matrix one"), e.getMessage());
        Map<String, Population> m = doc.gates().evaluate(src);
        assertEquals(1, m.get("mixed").count());
        assertTrue(m.get("mixed").contains(0));
    }
}
