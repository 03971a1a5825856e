package org.tregflow.report;

import static org.tregflow.report.Html.esc;
import static org.tregflow.report.Html.n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cohort report's charts as inline SVG text: vector, offline, styled by the page's fonts, printable.
 */
final class Charts {
    private Charts() {
    }

    /** One patient's endpoint: fold change (NaN = not evaluable) and whether it met the threshold. */
    record Bar(String patient, String arm, double foldChange, boolean met) {
    }

    /** One patient's values of one population across visits (NaN where missing). */
    record Series(String patient, String arm, double[] values) {
    }

    /**
     * Waterfall of endpoint fold changes: one bar per evaluable patient from 1 (no change) to its fold change on
     * a log₂ axis, sorted from the largest, coloured by arm, with the endpoint threshold as a dashed line.
     */
    static String waterfall(List<Bar> bars, double threshold, ArmColours colours, String population) {
        List<Bar> sorted = new ArrayList<>(bars.stream().filter(b -> Double.isFinite(b.foldChange())
                && b.foldChange() > 0).toList());
        sorted.sort(Comparator.comparingDouble(Bar::foldChange).reversed());
        int w = 1120;
        int h = 360;
        double left = 64;
        double right = 20;
        double top = 40;
        double bottom = 64;
        double pw = w - left - right;
        double ph = h - top - bottom;
        double lo = 0.5;
        double hi = Double.isFinite(threshold) && threshold > 0 ? threshold * 1.5 : 4;
        for (Bar b : sorted) {
            lo = Math.min(lo, b.foldChange() / 1.25);
            hi = Math.max(hi, b.foldChange() * 1.25);
        }
        double l2lo = Math.floor(log2(lo));
        double l2hi = Math.ceil(log2(hi));
        StringBuilder s = new StringBuilder();
        s.append(open(w, h, "Waterfall of fold changes of " + population));
        s.append(legend(colours, left, 18, sorted.stream().map(Bar::arm).distinct().toList()));
        // Grid and y axis at powers of two.
        for (double k = l2lo; k <= l2hi; k++) {
            double y = top + ph - (k - l2lo) / (l2hi - l2lo) * ph;
            s.append(line(left, y, left + pw, y, "#E6E8EB", 1, null));
            s.append(text(left - 8, y + 4, foldLabel(Math.pow(2, k)), "end", "tick"));
        }
        double y1 = top + ph - (0 - l2lo) / (l2hi - l2lo) * ph;
        s.append(line(left, y1, left + pw, y1, "#57606A", 1.2, null));
        int count = Math.max(1, sorted.size());
        double slot = pw / count;
        double barW = Math.max(2, Math.min(42, slot * 0.72));
        for (int i = 0; i < sorted.size(); i++) {
            Bar b = sorted.get(i);
            double x = left + slot * (i + 0.5);
            double yv = top + ph - (log2(b.foldChange()) - l2lo) / (l2hi - l2lo) * ph;
            double y0 = Math.min(y1, yv);
            double bh = Math.max(1, Math.abs(y1 - yv));
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"%s><title>%s</title></rect>",
                    n(x - barW / 2), n(y0), n(barW), n(bh), colours.of(b.arm()),
                    b.met() ? "" : " fill-opacity=\"0.55\"",
                    esc(b.patient() + " (" + b.arm() + "): " + Html.fold(b.foldChange())
                            + (b.met() ? ", met" : ", not met"))));
            // The value at the bar's end, outside it: up for gains, down for losses.
            boolean up = yv <= y1;
            s.append(text(x, up ? yv - 6 : yv + 15, (b.met() ? "✓ " : "") + Html.fold(b.foldChange()), "middle",
                    b.met() ? "mark" : "value"));
            if (count <= 40) {
                s.append(String.format(Locale.ROOT,
                        "<text x=\"%s\" y=\"%s\" class=\"tick\" text-anchor=\"end\" transform=\"rotate(-45 %s %s)\">%s"
                                + "</text>", n(x + 3), n(top + ph + 14), n(x + 3), n(top + ph + 14), esc(b.patient())));
            }
        }
        if (Double.isFinite(threshold) && threshold > 0) {
            double yt = top + ph - (log2(threshold) - l2lo) / (l2hi - l2lo) * ph;
            s.append(line(left, yt, left + pw, yt, "#B42318", 1.6, "6 4"));
            s.append(text(left + pw - 4, yt - 6, Html.num(threshold) + "-fold threshold", "end", "threshold"));
        }
        s.append(axisTitleY(16, top + ph / 2, "fold change, endpoint / baseline (log₂ axis)"));
        if (sorted.isEmpty()) {
            s.append(text(left + pw / 2, top + ph / 2, "no evaluable patient", "middle", "empty"));
        }
        return s.append("</svg>").toString();
    }

    /**
     * Per-patient trajectories of one population across visits (categorical x in schedule order), one thin line
     * per patient coloured by arm and the arm median as a thick line.
     */
    static String trajectory(String population, String yLabel, List<String> visits, List<Series> series,
                             ArmColours colours) {
        int w = 360;
        int h = 270;
        double left = 56;
        double right = 14;
        double top = 42;
        double bottom = 46;
        double pw = w - left - right;
        double ph = h - top - bottom;
        double max = 0;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double step = Ticks.niceStep(Math.max(max, 1e-9) / 4);
        double yMax = Math.max(step, Math.ceil(max * 1.05 / step) * step);
        StringBuilder s = new StringBuilder();
        s.append(open(w, h, "Trajectories of " + population));
        s.append(text(left, 18, population, "start", "chart-title"));
        for (double v = 0; v <= yMax + step * 1e-9; v += step) {
            double y = top + ph - v / yMax * ph;
            s.append(line(left, y, left + pw, y, "#E6E8EB", 1, null));
            s.append(text(left - 6, y + 4, Html.num(v), "end", "tick"));
        }
        int nv = visits.size();
        double dx = nv <= 1 ? 0 : pw / (nv - 1);
        double x0 = nv <= 1 ? left + pw / 2 : left;
        for (int i = 0; i < nv; i++) {
            s.append(text(x0 + i * dx, top + ph + 16, visits.get(i), "middle", "tick"));
        }
        s.append(text(left + pw / 2, top + ph + 36, "visit", "middle", "axis"));
        s.append(axisTitleY(14, top + ph / 2, yLabel));
        for (Series ser : series) {
            s.append(polyline(ser.values(), x0, dx, top, ph, yMax, colours.of(ser.arm()), 1.3, 0.55,
                    ser.patient() + " (" + ser.arm() + ")"));
        }
        Map<String, List<Series>> byArm = new LinkedHashMap<>();
        for (Series ser : series) {
            byArm.computeIfAbsent(ser.arm(), k -> new ArrayList<>()).add(ser);
        }
        for (Map.Entry<String, List<Series>> e : byArm.entrySet()) {
            double[] med = new double[nv];
            for (int i = 0; i < nv; i++) {
                List<Double> vals = new ArrayList<>();
                for (Series ser : e.getValue()) {
                    if (Double.isFinite(ser.values()[i])) {
                        vals.add(ser.values()[i]);
                    }
                }
                med[i] = median(vals);
            }
            s.append(polyline(med, x0, dx, top, ph, yMax, colours.of(e.getKey()), 3.2, 1,
                    e.getKey() + " median"));
        }
        s.append(legend(colours, left + 4, 34, List.copyOf(byArm.keySet())));
        return s.append("</svg>").toString();
    }

    private static String polyline(double[] values, double x0, double dx, double top, double ph, double yMax,
                                   String colour, double width, double opacity, String title) {
        StringBuilder pts = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                flush(out, pts, colour, width, opacity, title);
                continue;
            }
            double x = x0 + i * dx;
            double y = top + ph - values[i] / yMax * ph;
            pts.append(n(x)).append(',').append(n(y)).append(' ');
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" "
                    + "fill-opacity=\"%s\"/>", n(x), n(y), n(width + 0.8), colour, n(opacity)));
        }
        flush(out, pts, colour, width, opacity, title);
        return out.append(dots).toString();
    }

    private static void flush(StringBuilder out, StringBuilder pts, String colour, double width, double opacity,
                              String title) {
        if (pts.length() > 0) {
            out.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"%s\" stroke-opacity=\"%s\" stroke-linejoin=\"round\"><title>%s</title>"
                    + "</polyline>", pts.toString().strip(), colour, n(width), n(opacity), esc(title)));
            pts.setLength(0);
        }
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int m = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
    }

    private static String legend(ArmColours colours, double x, double y, List<String> arms) {
        StringBuilder s = new StringBuilder();
        double cx = x;
        for (String arm : arms) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"12\" height=\"12\" rx=\"2\" "
                    + "fill=\"%s\"/>", n(cx), n(y - 10), colours.of(arm)));
            s.append(text(cx + 17, y, arm, "start", "legend"));
            cx += 30 + 7.2 * arm.length();
        }
        return s.toString();
    }

    private static String open(int w, int h, String label) {
        return String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\" class=\"chart\">", w, h, w, h, esc(label));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width,
                               String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" "
                + "stroke-width=\"%s\"%s/>", n(x1), n(y1), n(x2), n(y2), colour, n(width),
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String text(double x, double y, String t, String anchor, String cls) {
        return String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" class=\"%s\">%s</text>",
                n(x), n(y), anchor, cls, esc(t));
    }

    private static String axisTitleY(double x, double yMid, String t) {
        return String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" class=\"axis\" "
                + "transform=\"rotate(-90 %s %s)\">%s</text>", n(x), n(yMid), n(x), n(yMid), esc(t));
    }

    static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** "0.25×", "0.5×", "1×", "2×", "16×". */
    private static String foldLabel(double v) {
        return (v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : Html.num(v).replaceAll("0+$", "")) + "×";
    }
}
