package org.tregflow.report;

/**
 * The numbers and names a gating sheet writes, without {@code java.util.Formatter} or regular expressions: a sheet
 * writes a few hundred of them (tick labels, counts, percentages, element ids) twice (SVG and PNG), and in a
 * batch's fresh JVM the Formatter's and the regex engine's methods were among the largest the JIT compiled
 * (a 48-file run: about 0.6 s of C2 time for the Formatter, 0.3 s for regular expressions). Each method gives
 * what the call it replaces gave ({@code SheetTextTest} holds them to it).
 */
final class SheetText {
    private SheetText() {
    }

    /** As {@code String.format(Locale.ROOT, "%." + decimals + "f", v)}: half up on the digits of Double.toString. */
    static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        String s = Double.toString(Math.abs(v)); // "123.45", "1.0E-5", "1.2345E7"
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int dot = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length() + decimals + 2)
                .append(mantissa, 0, dot).append(mantissa, dot + 1, mantissa.length());
        // The value is 0.<digits> x 10^point: `point` digits before the decimal point.
        int point = dot + (e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10));
        if (point < 1) {
            digits.insert(0, "0".repeat(1 - point));
            point = 1;
        }
        int kept = point + decimals;
        while (digits.length() <= kept) {
            digits.append('0');
        }
        boolean up = digits.charAt(kept) >= '5';
        digits.setLength(kept);
        for (int i = kept - 1; up && i >= 0; i--) {
            char c = digits.charAt(i);
            up = c == '9';
            digits.setCharAt(i, up ? '0' : (char) (c + 1));
        }
        if (up) {
            digits.insert(0, '1');
            point++;
        }
        int lead = 0;
        while (lead < point - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        StringBuilder out = new StringBuilder(digits.length() + 2);
        if (Double.doubleToRawLongBits(v) < 0) {
            out.append('-');
        }
        out.append(digits, lead, point);
        if (decimals > 0) {
            out.append('.').append(digits, point, digits.length());
        }
        return out.toString();
    }

    /** As {@code String.format(Locale.ROOT, "%,d", n)}: thousands separated by commas. */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int first = n < 0 ? 1 : 0;
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i++) {
            if (i > first && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /**
     * {@code s} with every character other than ASCII letters, digits and those of {@code kept} made '_' (one '_'
     * per code point, as a regular expression's class matches them: a character outside the BMP is one).
     */
    static String onlyAscii(String s, String kept) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || kept.indexOf(c) >= 0;
            out.append(ok ? (char) c : '_');
            i += Character.charCount(c);
        }
        return out.toString();
    }
}
