package org.tregflow.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hyperlog against the Gating-ML 2.0 definition solved independently here: EH(y) = a e^(by) + c y - f for
 * y >= x1 and -EH(2 x1 - y) below, with a, b, c, f from the spec's formulas, inverted by plain bisection.
 */
class HyperlogTest {
    @ParameterizedTest(name = "T={0} W={1} M={2} A={3}")
    @CsvSource({"262144, 0.5, 4.5, 0", "1000, 1, 4, 0", "262144, 1, 4.5, 1", "10000, 2, 4, 0", "1000, 0.5, 3, -0.25"})
    void matchesBisectionOfTheDefiningEquation(double t, double w, double m, double a) {
        Hyperlog hyperlog = new Hyperlog(t, w, m, a);
        double[] xs = {-t, -t / 100, -37, -1, -1e-3, 0, 1e-4, 0.5, 2, 15, 160, 2500, t / 3, t, 4 * t};
        for (double x : xs) {
            assertEquals(bisect(x, t, w, m, a), hyperlog.apply(x), 1e-12, "hyperlog(" + x + ")");
        }
        assertEquals(1.0, hyperlog.apply(t), 1e-13);
        assertEquals((w + a) / (m + a), hyperlog.apply(0), 0);
    }

    private static double bisect(double x, double t, double w0, double m, double a0) {
        double b = (m + a0) * Math.log(10);
        double w = w0 / (m + a0);
        double x2 = a0 / (m + a0);
        double x1 = x2 + w;
        double x0 = x2 + 2 * w;
        double e0 = Math.exp(b * x0);
        double ca = e0 / w;
        double fa = Math.exp(b * x1) + ca * x1;
        double a = t / (Math.exp(b) + ca - fa);
        double c = ca * a;
        double f = fa * a;
        java.util.function.DoubleUnaryOperator upper = y -> a * Math.exp(b * y) + c * y - f;
        java.util.function.DoubleUnaryOperator eh = y -> y >= x1 ? upper.applyAsDouble(y) : -upper.applyAsDouble(2 * x1 - y);
        double lo = -10;
        double hi = 10;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (eh.applyAsDouble(mid) < x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
