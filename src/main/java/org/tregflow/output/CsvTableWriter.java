package org.tregflow.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a result table as RFC 4180 CSV: UTF-8 without BOM, CRLF line ends, a header row, a field quoted
 * when it holds a comma, quote, CR or LF (quotes doubled). Nulls are empty cells. Numbers use '.' and no
 * grouping; doubles are written with {@link Double#toString(double)}, the shortest text that reads back as
 * the same double (so "full precision", sometimes in exponent form like 1.0E-5, which pandas, R and JS parse).
 *
 * <p>Written by hand rather than with Tablesaw's writer to pin these rules down: they are a contract.
 */
public final class CsvTableWriter {
    private static final String EOL = "\r\n";

    private CsvTableWriter() {
    }

    public static void write(Table table, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int columns = table.columnCount();
        for (int c = 0; c < columns; c++) {
            if (c > 0) {
                w.write(',');
            }
            w.write(quote(table.column(c).name()));
        }
        w.write(EOL);
        for (int row = 0; row < table.rowCount(); row++) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    w.write(',');
                }
                w.write(cell(table.column(c), row));
            }
            w.write(EOL);
        }
        w.flush();
    }

    static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        ColumnType type = column.type();
        if (type == ColumnType.STRING) {
            return quote((String) column.get(row));
        }
        if (type == ColumnType.DOUBLE) {
            return Double.toString((Double) column.get(row));
        }
        if (type == ColumnType.LONG) {
            return Long.toString((Long) column.get(row));
        }
        if (type == ColumnType.BOOLEAN) {
            return column.get(row).toString();
        }
        throw new IllegalStateException("column " + column.name() + " has unsupported type " + type);
    }

    static String quote(String s) {
        boolean needs = false;
        for (int i = 0; i < s.length() && !needs; i++) {
            char ch = s.charAt(i);
            needs = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
