package org.tregflow.compensation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tregflow.io.Utf8Text;

/**
 * Reads a spillover matrix from a text file: a header row of channel names, then one row of numbers per
 * channel. Accepted as labs and tools write them: comma, tab or whitespace separated (a tab or comma in the
 * header decides); names optionally quoted or after a leading {@code #}; rows optionally starting with a row label
 * (R's write.table); title lines before the header (FlowJo matrix exports); CR, LF or CRLF line ends.
 */
public final class CompensationMatrices {
    private CompensationMatrices() {
    }

    public static SpilloverMatrix read(Path file) {
        String text;
        try {
            text = Utf8Text.read(file, "a compensation matrix is a text file; save it as UTF-8");
        } catch (Utf8Text.Malformed e) {
            throw new CompensationException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CompensationException("cannot read compensation matrix file " + file + ": " + e, e);
        }
        return parse(text, file.toString());
    }

    /** Parses matrix text; {@code source} names it in error messages. */
    public static SpilloverMatrix parse(String text, String source) {
        String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n");
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> content = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                lineNumbers.add(i + 1);
                content.add(lines[i].strip());
            }
        }
        int firstData = -1;
        for (int i = 0; i < content.size(); i++) {
            if (looksNumeric(tokens(content.get(i)))) {
                firstData = i;
                break;
            }
        }
        if (firstData < 0) {
            throw new CompensationException(source + ": no rows of numbers found; expected a header row of channel "
                    + "names followed by one row of spillover values per channel");
        }
        if (firstData == 0) {
            throw new CompensationException(source + ": the first row holds numbers; expected a header row of "
                    + "channel names first");
        }
        String headerLine = content.get(firstData - 1);
        if (headerLine.startsWith("#")) {
            headerLine = headerLine.substring(1).strip();
        }
        List<String> channels = tokens(headerLine);
        int n = channels.size();
        Set<String> seen = new HashSet<>();
        for (String c : channels) {
            if (c.isEmpty()) {
                throw new CompensationException(source + " line " + lineNumbers.get(firstData - 1)
                        + ": the header has an empty channel name");
            }
            if (!seen.add(c.toLowerCase(Locale.ROOT))) {
                throw new CompensationException(source + " line " + lineNumbers.get(firstData - 1)
                        + ": channel '" + c + "' appears twice in the header");
            }
        }
        int rows = content.size() - firstData;
        if (rows != n) {
            throw new CompensationException(source + ": the matrix is not square: " + n + " channels in the header "
                    + channels + " but " + rows + " rows of values");
        }
        double[][] values = new double[n][n];
        for (int r = 0; r < n; r++) {
            int lineNo = lineNumbers.get(firstData + r);
            List<String> cells = tokens(content.get(firstData + r));
            if (cells.size() == n + 1 && !parses(cells.get(0))) {
                cells = cells.subList(1, cells.size()); // row label, as R's write.table puts it
            }
            if (cells.size() != n) {
                throw new CompensationException(source + " line " + lineNo + ": row " + (r + 1) + " has "
                        + cells.size() + " values but the header names " + n + " channels");
            }
            for (int c = 0; c < n; c++) {
                String cell = cells.get(c);
                if (!isNumber(cell)) {
                    throw new CompensationException(source + " line " + lineNo + ": row " + (r + 1) + ", column "
                            + (c + 1) + " (" + channels.get(c) + ") holds '" + cell + "', not a "
                            + (parses(cell) ? "finite number" : "number"));
                }
                values[r][c] = Double.parseDouble(cell);
            }
        }
        return new SpilloverMatrix(channels, values);
    }

    /**
     * A row of data: at least one cell, and every cell but possibly a leading label is a number. NaN, Infinity and
     * 1e400 count here, so that such a row is reported as a bad value in its place rather than taken for the header.
     */
    private static boolean looksNumeric(List<String> cells) {
        if (cells.isEmpty()) {
            return false;
        }
        int numeric = 0;
        for (String c : cells) {
            if (parses(c)) {
                numeric++;
            }
        }
        return numeric > 0 && numeric >= cells.size() - 1 && (numeric > 1 || cells.size() == 1);
    }

    /** Whether {@code s} reads as a double at all, infinities and NaN included. */
    private static boolean parses(String s) {
        return parsed(s) != null;
    }

    static boolean isNumber(String s) {
        Double v = parsed(s);
        return v != null && Double.isFinite(v);
    }

    /** The double {@code s} reads as, or null. */
    private static Double parsed(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Splits a line on tabs, else commas, else runs of whitespace; strips quotes and surrounding blanks. */
    static List<String> tokens(String line) {
        String separator = line.indexOf('\t') >= 0 ? "\t" : line.indexOf(',') >= 0 ? "," : null;
        List<String> out = new ArrayList<>();
        if (separator == null) {
            splitWhitespace(line, out);
        } else {
            for (String cell : line.split(separator, -1)) {
                out.add(unquote(cell.strip()));
            }
        }
        return out;
    }

    private static void splitWhitespace(String line, List<String> out) {
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
                any = true;
            } else if (!quoted && Character.isWhitespace(ch)) {
                if (any) {
                    out.add(cell.toString());
                    cell.setLength(0);
                    any = false;
                }
            } else {
                cell.append(ch);
                any = true;
            }
        }
        if (any) {
            out.add(cell.toString());
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
