package org.tregflow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A result table read back from its CSV (RFC 4180: quoted fields with doubled quotes, embedded commas and line
 * breaks, CRLF or LF). Cells are text; a column the table lacks reads as empty, so the report tolerates tables
 * from older or newer versions with missing or extra optional columns.
 */
record CsvTable(List<String> columns, List<List<String>> rows) {

    CsvTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    static final CsvTable EMPTY = new CsvTable(List.of(), List.of());

    /** The table in {@code file}, or {@link #EMPTY} when the file does not exist. */
    static CsvTable readIfPresent(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    static CsvTable parse(String text, String name) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a BOM from a spreadsheet's "Save as CSV"
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
                    record.add(field.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new ReportException(name + ": a quoted field is not closed before the end of the file");
        }
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        if (records.isEmpty()) {
            return EMPTY;
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        return new CsvTable(header, records.subList(1, records.size()));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    boolean has(String column) {
        return columns.contains(column);
    }

    /** The cell of {@code column} in row {@code row}; empty when the column or the cell is absent. */
    String get(int row, String column) {
        int c = columns.indexOf(column);
        List<String> r = rows.get(row);
        return c < 0 || c >= r.size() ? "" : r.get(c);
    }

    /** The cell as a number; NaN when empty or not a number (tables write unknowns as empty cells). */
    double number(int row, String column) {
        String s = get(row, column).strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Row {@code row} as column → cell. */
    Map<String, String> row(int row) {
        Map<String, String> m = new HashMap<>();
        for (String c : columns) {
            m.put(c, get(row, c));
        }
        return m;
    }

    int size() {
        return rows.size();
    }

    static boolean isTrue(String cell) {
        String s = cell.strip().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("1") || s.equals("yes");
    }

    static boolean isFalse(String cell) {
        String s = cell.strip().toLowerCase(Locale.ROOT);
        return s.equals("false") || s.equals("0") || s.equals("no");
    }
}
