package org.tregflow.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuadrantAndBooleanTest {
    final Dimension x = Dimension.uncompensated("x");
    final Dimension y = Dimension.uncompensated("y");
    // events:          0    1    2    3    4    5    6    7
    final Columns src = new Columns(8)
            .with("x", 1f, 5f, 9f, 4.99f, 7f, 2f, 6f, 5f)
            .with("y", 1f, 1f, 5f, 9f, 8f, 2f, 10f, 5f);

    QuadrantGate quad() {
        // x split at 5; y split at 2 and 8 (three bands)
        return new QuadrantGate("Q", null,
                List.of(new QuadrantGate.Divider("dx", x, List.of(5.0)),
                        new QuadrantGate.Divider("dy", y, List.of(8.0, 2.0))),
                List.of(new QuadrantGate.Quadrant("lowLeft", Map.of("dx", 0.0, "dy", 0.0)),
                        new QuadrantGate.Quadrant("midRight", Map.of("dx", 100.0, "dy", 5.0)),
                        new QuadrantGate.Quadrant("topAny", Map.of("dy", 8.0))));
    }

    @Test
    void quadrantsAreHalfOpenIntervalsBetweenDividerValues() {
        Map<String, Population> m = GateTree.of(quad()).evaluate(src);
        assertEquals(List.of("lowLeft", "midRight", "topAny"), List.copyOf(m.keySet()));
        assertEquals("10000000", Columns.bits(m.get("lowLeft")));   // x<5, y<2 (event 5 has y=2: not low)
        assertEquals("00100001", Columns.bits(m.get("midRight")));  // x>=5 and 2<=y<8: events 2 and 7 (x=5)
        assertEquals("00011010", Columns.bits(m.get("topAny")));    // y>=8 whatever x: events 3, 4 (y=8), 6
    }

    @Test
    void booleansNestWithComplement() {
        RectangleGate a = RectangleGate.range("A", null, x, 0, 5);     // x<5: 0,3,5
        RectangleGate b = RectangleGate.range("B", null, y, 2, 9);     // 2<=y<9: 2,4,5,7
        BooleanGate aAndNotB = new BooleanGate("AnotB", null, BooleanGate.Operator.AND,
                List.of(BooleanGate.Reference.to("A"), BooleanGate.Reference.complementOf("B"))); // 0,3
        BooleanGate or = BooleanGate.or("Or", null, "AnotB", "B");    // 0,2,3,4,5,7
        BooleanGate not = BooleanGate.not("Not", null, "Or");         // 1,6
        BooleanGate child = new BooleanGate("NotInA", "A", BooleanGate.Operator.NOT,
                List.of(BooleanGate.Reference.to("AnotB")));           // in A, not in AnotB: 5
        GateTree t = GateTree.of(not, child, or, aAndNotB, b, a);
        Map<String, Population> m = t.evaluate(src);
        assertEquals("10010000", Columns.bits(m.get("AnotB")));
        assertEquals("10111101", Columns.bits(m.get("Or")));
        assertEquals("01000010", Columns.bits(m.get("Not")));
        assertEquals("00000100", Columns.bits(m.get("NotInA")));
        List<String> order = t.populationIds();
        assertTrue(order.indexOf("A") < order.indexOf("AnotB") && order.indexOf("Or") < order.indexOf("Not"));
    }

    @Test
    void unknownReferencesCyclesAndDuplicatesAreClearErrors() {
        RectangleGate a = RectangleGate.range("A", "nowhere", x, 0, 5);
        GateException e1 = assertThrows(GateException.class, () -> GateTree.of(a));
        assertTrue(e1.getMessage().startsWith("gate A: parent 'nowhere' is not defined"), e1.getMessage());
        GateException e2 = assertThrows(GateException.class,
                () -> GateTree.of(BooleanGate.and("C", null, "A", "missing"), a.withParent(null)));
        assertTrue(e2.getMessage().startsWith("gate C: gate reference 'missing' is not defined"), e2.getMessage());
        GateException e3 = assertThrows(GateException.class,
                () -> GateTree.of(BooleanGate.not("P", "Q", "A"), BooleanGate.not("Q", "P", "A"), a.withParent(null)));
        assertTrue(e3.getMessage().contains("cycle: P -> Q -> P"), e3.getMessage());
        GateException e4 = assertThrows(GateException.class,
                () -> GateTree.of(a.withParent(null), RectangleGate.range("A", null, y, 0, 1)));
        assertTrue(e4.getMessage().contains("two gates have the id A"), e4.getMessage());
    }

    @Test
    void oneGateAtATimeSeesItsParent() {
        RectangleGate a = RectangleGate.range("A", null, x, 0, 5);
        Map<String, Population> known = new java.util.HashMap<>(GateTree.evaluate(a, src, Map.of()));
        RectangleGate child = RectangleGate.range("B", "A", y, 2, 100);
        Population p = GateTree.evaluate(child, src, known).get("B");
        assertEquals("00010100", Columns.bits(p));
    }
}
