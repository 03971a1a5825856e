package org.tregflow.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tregflow.stats.EndpointRow;

/** The endpoint table as plain text with aligned columns, for the terminal after a run. */
public final class EndpointText {
    private static final String[] HEADER = {"patient", "arm", "baseline", "endpoint", "fold", "met", "reason"};
    /** Numeric columns are right-aligned so that magnitudes line up. */
    private static final boolean[] RIGHT = {false, false, true, true, true, false, false};

    private EndpointText() {
    }

    /**
     * One header line, then one line per patient: baseline and endpoint values and fold change to 4 significant
     * figures ("-" when unknown), met as yes/no/"-", and the reason when not evaluable. Ends with a newline.
     */
    public static String format(List<EndpointRow> rows) {
        List<String[]> lines = new ArrayList<>(rows.size() + 1);
        lines.add(HEADER);
        for (EndpointRow r : rows) {
            lines.add(new String[] {
                    orDash(r.patient()), orDash(r.arm()), number(r.baselineValue()), number(r.endpointValue()),
                    number(r.foldChange()), r.met() == null ? "-" : r.met() ? "yes" : "no",
                    r.reason() == null ? "" : oneLine(r.reason())});
        }
        int[] width = new int[HEADER.length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                if (c > 0) {
                    row.append("  ");
                }
                String pad = " ".repeat(width[c] - line[c].length());
                row.append(RIGHT[c] ? pad + line[c] : line[c] + pad);
            }
            sb.append(row.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** 4 significant figures; from 10,000 up whole numbers (a count reads 15000, not 1.500e+04). */
    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1e4 ? "%.0f" : "%.4g", v);
    }

    /** An error message quoted from a file may span lines; a table row must not. */
    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
