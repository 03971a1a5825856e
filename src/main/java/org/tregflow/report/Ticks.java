package org.tregflow.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tregflow.transform.Bounded;
import org.tregflow.transform.Linear;
import org.tregflow.transform.Transform;

/**
 * Axis ticks in data units placed by the axis transform, as FlowJo draws them: on a log-like scale (logicle,
 * arcsinh, hyperlog, log) major ticks at 0 and ±10^k labelled "0", "10³", "−10³" with minor ticks at m·10^k; on a
 * linear scale round numbers ("50K", "100K"). Every position comes from {@link Transform#apply}, so a tick is
 * exactly where an event of that value is drawn.
 */
public final class Ticks {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    /** Decades tried on log-like scales: FCS scale values range from ~1e-3 (normalised) to ~1e7 (FACSymphony). */
    private static final int MIN_DECADE = -3;
    private static final int MAX_DECADE = 9;
    /** Minor ticks closer than this (pixels) to another tick are dropped: they would blur into a bar. */
    private static final double MINOR_GAP_PX = 2;

    private Ticks() {
    }

    /**
     * Ticks of an axis showing transformed values {@code lo..hi} over {@code lengthPx} pixels.
     *
     * @param transform the dimension's transform (null = none, values drawn as they are)
     * @param labelGapPx the least distance between two labelled ticks (a label's width along the axis)
     */
    public static List<Tick> of(Transform transform, double lo, double hi, double lengthPx, double labelGapPx) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("axis range " + lo + ".." + hi + " is empty");
        }
        double pxPerUnit = lengthPx / (hi - lo);
        Transform t = unwrap(transform);
        return t == null || t instanceof Linear
                ? linear(transform, lo, hi, pxPerUnit, labelGapPx)
                : logLike(transform, lo, hi, pxPerUnit, labelGapPx);
    }

    private static Transform unwrap(Transform t) {
        while (t instanceof Bounded b) {
            t = b.inner();
        }
        return t;
    }

    private static double position(Transform t, double value) {
        return t == null ? value : t.apply(value);
    }

    private static double dataValue(Transform t, double position) {
        return t == null ? position : t.inverse(position);
    }

    private static List<Tick> logLike(Transform t, double lo, double hi, double pxPerUnit, double labelGapPx) {
        // Candidates in priority order: 0 first, then decades from the largest magnitude down, so that near zero,
        // where a biexponential scale is linear and the small decades crowd, the larger ones win.
        List<double[]> candidates = new ArrayList<>(); // {value, exponent}
        candidates.add(new double[] {0, Double.NaN});
        for (int k = MAX_DECADE; k >= MIN_DECADE; k--) {
            candidates.add(new double[] {Math.pow(10, k), k});
            candidates.add(new double[] {-Math.pow(10, k), k});
        }
        List<Tick> majors = new ArrayList<>();
        int minPositive = Integer.MAX_VALUE;
        int minNegative = Integer.MAX_VALUE;
        for (double[] c : candidates) {
            double p = position(t, c[0]);
            if (!inRange(p, lo, hi) || tooClose(majors, p, labelGapPx / pxPerUnit)) {
                continue;
            }
            majors.add(new Tick(c[0], p, c[0] == 0 ? "0" : decadeLabel(c[0] < 0, (int) c[1]), true));
            if (c[0] > 0) {
                minPositive = Math.min(minPositive, (int) c[1]);
            } else if (c[0] < 0) {
                minNegative = Math.min(minNegative, (int) c[1]);
            }
        }
        List<Tick> all = new ArrayList<>(majors);
        addMinors(t, all, 1, minPositive, lo, hi, pxPerUnit);
        addMinors(t, all, -1, minNegative, lo, hi, pxPerUnit);
        all.sort(Comparator.comparingDouble(Tick::position));
        return List.copyOf(all);
    }

    /** Minor ticks m·10^k (m = 2..9) from one decade below the smallest labelled one, on one side of zero. */
    private static void addMinors(Transform t, List<Tick> ticks, int sign, int minDecade, double lo, double hi,
                                  double pxPerUnit) {
        if (minDecade == Integer.MAX_VALUE) {
            return;
        }
        for (int k = Math.max(MIN_DECADE, minDecade - 1); k <= MAX_DECADE; k++) {
            for (int m = 2; m <= 9; m++) {
                double v = sign * m * Math.pow(10, k);
                double p = position(t, v);
                if (inRange(p, lo, hi) && !tooClose(ticks, p, MINOR_GAP_PX / pxPerUnit)) {
                    ticks.add(new Tick(v, p, "", false));
                }
            }
        }
    }

    private static List<Tick> linear(Transform t, double lo, double hi, double pxPerUnit, double labelGapPx) {
        double a = dataValue(t, lo);
        double b = dataValue(t, hi);
        double dataLo = Math.min(a, b);
        double dataHi = Math.max(a, b);
        // As many labels as fit, at most ~6, on a 1-2-5 step.
        double span = dataHi - dataLo;
        double axisPx = (hi - lo) * pxPerUnit;
        int wanted = (int) Math.max(2, Math.min(6, axisPx / Math.max(labelGapPx, 1)));
        double step = niceStep(span / wanted);
        List<Tick> ticks = new ArrayList<>();
        double first = Math.ceil(dataLo / step) * step;
        for (int i = 0; ; i++) {
            double v = first + i * step;
            if (v > dataHi + step * 1e-9) {
                break;
            }
            if (Math.abs(v) < step * 1e-9) {
                v = 0;
            }
            double p = position(t, v);
            if (inRange(p, lo, hi)) {
                ticks.add(new Tick(v, p, linearLabel(v, step), true));
            }
            // Minor tick halfway, as FlowJo's linear axes have.
            double mid = v + step / 2;
            double pm = position(t, mid);
            if (mid <= dataHi && inRange(pm, lo, hi)) {
                ticks.add(new Tick(mid, pm, "", false));
            }
        }
        double before = first - step / 2;
        if (inRange(position(t, before), lo, hi)) {
            ticks.add(new Tick(before, position(t, before), "", false));
        }
        ticks.sort(Comparator.comparingDouble(Tick::position));
        return List.copyOf(ticks);
    }

    static double niceStep(double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static boolean inRange(double p, double lo, double hi) {
        // A hair of tolerance: the top of scale maps to 1 up to rounding.
        double eps = (hi - lo) * 1e-9;
        return Double.isFinite(p) && p >= lo - eps && p <= hi + eps;
    }

    private static boolean tooClose(List<Tick> ticks, double p, double gap) {
        for (Tick t : ticks) {
            if (Math.abs(t.position() - p) < gap) {
                return true;
            }
        }
        return false;
    }

    /** "10³", "−10⁴", "10⁻¹". */
    static String decadeLabel(boolean negative, int exponent) {
        StringBuilder sb = new StringBuilder();
        if (negative) {
            sb.append('\u2212');
        }
        sb.append("10");
        String digits = Integer.toString(Math.abs(exponent));
        if (exponent < 0) {
            sb.append('\u207B');
        }
        for (char c : digits.toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return sb.toString();
    }

    /** "0", "50K", "1.5M", "0.25", "−50K": the units lab scientists read on scatter axes. */
    static String linearLabel(double v, double step) {
        if (v == 0) {
            return "0";
        }
        String sign = v < 0 ? "\u2212" : "";
        double a = Math.abs(v);
        if (step >= 100_000 && a >= 1_000_000) {
            return sign + trim(a / 1_000_000) + "M";
        }
        if (step >= 1000) {
            return sign + trim(a / 1000) + "K";
        }
        return sign + trim(a);
    }

    private static String trim(double v) {
        String s = SheetText.fixed(v, 4);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.charAt(end - 1) == '.' ? s.substring(0, end - 1) : s.substring(0, end);
    }
}
