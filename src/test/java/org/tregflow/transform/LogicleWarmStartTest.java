package org.tregflow.transform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The warm-started solve FastLogicle builds its table with ({@link Logicle#applyNear}), against the cold-started
 * exact transform, on the table's own grid (256 or 1024 edges per octave of |x|, from deep in the linear zone
 * to 4096 T), from guesses off by up to 1e-7 (the solve's design point; the table's quadratic predictions are
 * off by about 1e-8) and by up to 1e-4 (a poor guess: more steps, same root).
 */
class LogicleWarmStartTest {
    @ParameterizedTest
    @CsvSource({"262144, 0.5, 4.5, 0", "262144, 0, 4.5, 0", "262144, 2, 4.5, 0", "262144, 1, 4.5, 1",
            "10000, 0.3, 4, 0.5", "262144, 0.9, 2, 0", "1, 0.1, 1, 0", "262144, 0.5, 1.5, 0.2"})
    void sameRootAsTheColdStart(double t, double w, double m, double a) {
        Logicle exact = new Logicle(t, w, m, a);
        int shift = 23 - (m + a >= 2 ? 8 : 10);
        int from = Float.floatToRawIntBits(Math.scalb(1f, Math.getExponent(t) - 40)) >>> shift;
        int to = Float.floatToRawIntBits(Math.scalb(1f, Math.min(127, Math.getExponent(t) + 12))) >>> shift;
        SplittableRandom rng = new SplittableRandom(1);
        for (double off : new double[] {1e-7, 1e-4}) {
            double worst = 0;
            for (int bin = from; bin <= to; bin++) {
                double v = Float.intBitsToFloat(bin << shift);
                double cold = exact.apply(v);
                double warm = exact.applyNear(v, cold + off * (2 * rng.nextDouble() - 1));
                worst = Math.max(worst, Math.abs(warm - cold));
            }
            // Both end when a Halley step is negligible: the same root to a few roundings (seen: up to 9e-16, 4
            // ulps of y near 2, far above T), a billionth of FastLogicle's stated accuracy.
            assertTrue(worst <= 1e-15, "guesses off by " + off + ": worst difference " + worst);
        }
    }
}
