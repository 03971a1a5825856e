package org.tregflow.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RectangleGateTest {
    static final float INF = Float.POSITIVE_INFINITY;
    static final float NAN = Float.NaN;
    final Dimension x = Dimension.uncompensated("x");
    final Dimension y = Dimension.uncompensated("y");
    final Columns src = new Columns(8)
            .with("x", -INF, 0f, 1f, 2f, 2.999f, 3f, INF, NAN)
            .with("y", 0f, 0f, 10f, 5f, 5f, 5f, 5f, 5f);

    @Test
    void rangeIsHalfOpenMinInclusiveMaxExclusive() {
        RectangleGate g = RectangleGate.range("r", null, x, 1, 3);
        assertEquals("00111000", Columns.bits(g.apply(src, Population.all(8))));
    }

    @Test
    void openMaxIsAnInfiniteBoundSoPlusInfinityAndNaNAreOut() {
        RectangleGate g = new RectangleGate("r", null, List.of(RectangleGate.Range.atLeast(x, 2)));
        assertEquals("00011100", Columns.bits(g.apply(src, Population.all(8))));
    }

    @Test
    void openMinAcceptsNegativeInfinity() {
        RectangleGate g = new RectangleGate("r", null, List.of(RectangleGate.Range.below(x, 1)));
        assertEquals("11000000", Columns.bits(g.apply(src, Population.all(8))));
    }

    @Test
    void everyDimensionMustHold() {
        RectangleGate g = new RectangleGate("r", null, List.of(
                new RectangleGate.Range(x, 0, 3), new RectangleGate.Range(y, 0, 10)));
        // event 2 has y = 10 = max (excluded); events 1, 3, 4 are inside on both axes
        assertEquals("01011000", Columns.bits(g.apply(src, Population.all(8))));
    }

    @Test
    void membershipIsOnlyInsideTheParent() {
        Population parent = Population.none(8);
        parent.add(1);
        parent.add(3);
        parent.add(6);
        RectangleGate g = RectangleGate.range("r", "p", x, 0, 3);
        assertEquals("01010000", Columns.bits(g.apply(src, parent)));
    }

    @Test
    void worksAcrossWordBoundaries() {
        int n = 200;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        Columns big = new Columns(n).with("x", v);
        Population p = RectangleGate.range("r", null, x, 60, 130.5).apply(big, Population.all(n));
        assertEquals(71, p.count()); // 60..130
        assertTrue(p.contains(60) && p.contains(130) && !p.contains(59) && !p.contains(131));
    }

    @Test
    void refusesEmptyOrNaNBounds() {
        assertThrows(IllegalArgumentException.class, () -> new RectangleGate("r", null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> RectangleGate.range("r", null, x, Double.NaN, 1));
    }
}
