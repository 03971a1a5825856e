package org.tregflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reference values: R binom.test(x, n)$conf.int, equal to scipy.stats.beta.ppf of the same quantiles. */
class ClopperPearsonTest {
    @Test
    void threeOfTen() {
        ClopperPearson.Interval ci = ClopperPearson.interval(3, 10, 0.95);
        assertEquals(0.06673951117773447, ci.lower(), 1e-12);
        assertEquals(0.6524528500599973, ci.upper(), 1e-12);
    }

    @Test
    void sevenOfTwelve() {
        ClopperPearson.Interval ci = ClopperPearson.interval(7, 12, 0.95);
        assertEquals(0.2766696856821058, ci.lower(), 1e-12);
        assertEquals(0.8483477701915698, ci.upper(), 1e-12);
    }

    @Test
    void endsAreZeroAndOne() {
        ClopperPearson.Interval none = ClopperPearson.interval(0, 10, 0.95);
        assertEquals(0, none.lower());
        // 1 - 0.025^(1/10): the closed form at x = 0
        assertEquals(1 - Math.pow(0.025, 0.1), none.upper(), 1e-12);
        assertEquals(0.3084971078187607, none.upper(), 1e-12);
        ClopperPearson.Interval all = ClopperPearson.interval(10, 10, 0.95);
        assertEquals(Math.pow(0.025, 0.1), all.lower(), 1e-12);
        assertEquals(1, all.upper());
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(0, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(4, 3, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(1, 3, 1.0));
    }
}
