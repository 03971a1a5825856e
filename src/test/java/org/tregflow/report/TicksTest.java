package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tregflow.transform.Arcsinh;
import org.tregflow.transform.FastLogicle;
import org.tregflow.transform.Linear;
import org.tregflow.transform.Log;
import org.tregflow.transform.Logicle;

class TicksTest {
    private static final double PX = 256;

    private static Map<String, Tick> labelled(List<Tick> ticks) {
        return ticks.stream().filter(Tick::major).collect(Collectors.toMap(Tick::label, Function.identity()));
    }

    @Test
    void logicleMajorTicksSitWhereTheirValuesAreDrawn() {
        Logicle t = new Logicle(262_144, 0.5, 4.5, 0);
        List<Tick> ticks = Ticks.of(t, 0, 1, PX, 30);
        Map<String, Tick> majors = labelled(ticks);
        // FlowJo's labels for this standard biexponential scale.
        assertTrue(majors.keySet().containsAll(List.of("0", "10³", "10⁴", "10⁵")), majors.keySet().toString());
        // Zero sits at (W + A) / (M + A) = 0.5 / 4.5 (Parks et al. 2006), independent of the root finder.
        assertEquals(0.5 / 4.5, majors.get("0").position(), 1e-12);
        assertEquals(0.0, majors.get("0").value());
        for (String label : List.of("10³", "10⁴", "10⁵")) {
            Tick tick = majors.get(label);
            // The closed-form inverse (a different code path than apply's Halley iterations) gives the value back.
            assertEquals(tick.value(), t.inverse(tick.position()), tick.value() * 1e-9, label);
        }
        assertEquals(1000, majors.get("10³").value());
        assertEquals(1e5, majors.get("10⁵").value());
    }

    @Test
    void labelsNeverCrowdAndMinorTicksFillTheDecades() {
        Logicle t = new Logicle(262_144, 0.5, 4.5, 0);
        double gapPx = 30;
        List<Tick> ticks = Ticks.of(t, 0, 1, PX, gapPx);
        List<Tick> majors = ticks.stream().filter(Tick::major).toList();
        for (int i = 1; i < majors.size(); i++) {
            double d = (majors.get(i).position() - majors.get(i - 1).position()) * PX;
            assertTrue(d >= gapPx, "labels " + majors.get(i - 1).label() + " and " + majors.get(i).label()
                    + " are " + d + " px apart");
        }
        for (int m = 2; m <= 9; m++) {
            double v = m * 1000;
            assertTrue(ticks.stream().anyMatch(k -> !k.major() && k.value() == v
                    && Math.abs(k.position() - t.apply(v)) < 1e-15), "minor tick at " + v);
        }
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(ticks.get(i).position() > ticks.get(i - 1).position(), "ticks sorted and distinct");
        }
    }

    @Test
    void fastLogicleAndArcsinhAreLogLike() {
        FastLogicle fast = new FastLogicle(262_144, 1, 4.5, 0);
        Map<String, Tick> f = labelled(Ticks.of(fast, 0, 1, PX, 30));
        assertEquals(fast.apply(1e4), f.get("10⁴").position(), 0);
        Arcsinh asinh = new Arcsinh(262_144, 4.5, 1);
        Map<String, Tick> a = labelled(Ticks.of(asinh, 0, 1, PX, 30));
        assertTrue(a.containsKey("10⁴") && a.containsKey("0"), a.keySet().toString());
        // Gating-ML fasinh: (asinh(x sinh(M ln10)/T) + A ln10) / ((M + A) ln10); at x = 0 that is A / (M + A).
        assertEquals(1 / 5.5, a.get("0").position(), 1e-12);
        for (Tick tick : a.values()) {
            assertEquals(tick.value(), asinh.inverse(tick.position()), Math.abs(tick.value()) * 1e-9 + 1e-9);
        }
        // The bottom of this scale is inverse(0) = -T sinh(A ln10) / sinh(M ln10), about -82: no negative decade
        // fits, so none is labelled.
        assertTrue(a.keySet().stream().noneMatch(l -> l.startsWith("−")), a.keySet().toString());
    }

    @Test
    void logScaleDecadesAreEvenlySpaced() {
        // flog(T = 10^4, M = 4): 10^k sits at k / 4 exactly.
        Log log = new Log(10_000, 4);
        Map<String, Tick> majors = labelled(Ticks.of(log, 0, 1, PX, 30));
        assertEquals(0.0, majors.get("10⁰").position(), 1e-12);
        assertEquals(0.25, majors.get("10¹").position(), 1e-12);
        assertEquals(0.75, majors.get("10³").position(), 1e-12);
        assertEquals(1.0, majors.get("10⁴").position(), 1e-12);
        assertTrue(majors.keySet().stream().noneMatch(l -> l.startsWith("−") || l.equals("0")),
                "log has no zero or negatives: " + majors.keySet());
    }

    @Test
    void linearScatterAxisReadsInThousands() {
        Linear lin = new Linear(262_144, 0);
        Map<String, Tick> majors = labelled(Ticks.of(lin, 0, 1, PX, 34));
        assertEquals(List.of("0", "50K", "100K", "150K", "200K", "250K"), majors.values().stream()
                .sorted((a, b) -> Double.compare(a.position(), b.position())).map(Tick::label).toList());
        assertEquals(150_000 / 262_144.0, majors.get("150K").position(), 1e-12);
        // No transform: positions are the values themselves.
        Map<String, Tick> raw = labelled(Ticks.of(null, -0.5, 2.5, PX, 34));
        assertEquals(1.0, raw.get("1").position());
        assertTrue(raw.containsKey("0") && raw.containsKey("2"), raw.keySet().toString());
    }

    @Test
    void decadeLabelsUseSuperscripts() {
        assertEquals("10⁵", Ticks.decadeLabel(false, 5));
        assertEquals("−10³", Ticks.decadeLabel(true, 3));
        assertEquals("10⁻²", Ticks.decadeLabel(false, -2));
        assertEquals("10¹²", Ticks.decadeLabel(false, 12));
        assertEquals("1.5M", Ticks.linearLabel(1_500_000, 500_000));
        assertEquals("0.25", Ticks.linearLabel(0.25, 0.05));
    }
}
