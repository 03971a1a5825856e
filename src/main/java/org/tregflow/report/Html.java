package org.tregflow.report;

import java.util.Locale;

/** Escaping and number formats for the report's HTML and inline SVG. */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A coordinate for SVG: two decimals are sub-pixel and keep the file small. */
    static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A value for people: three significant digits, no exponent for everyday magnitudes, "—" when unknown. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e7) {
            return String.format(Locale.ROOT, "%,.0f", v); // counts and round ticks: no false precision
        }
        if (a < 0.001 || a >= 1e7) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "—";
        }
        return p < 0.001 ? "&lt; 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String fold(double f) {
        return Double.isNaN(f) ? "—" : String.format(Locale.ROOT, "%.2f×", f);
    }

    static String pct(double p) {
        return Double.isNaN(p) ? "—" : String.format(Locale.ROOT, p < 10 ? "%.2f%%" : "%.1f%%", p);
    }
}
