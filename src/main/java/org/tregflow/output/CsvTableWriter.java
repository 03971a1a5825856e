package org.tregflow.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.tregflow.output.ResultTable.BooleanColumn;
import org.tregflow.output.ResultTable.Column;
import org.tregflow.output.ResultTable.DoubleColumn;
import org.tregflow.output.ResultTable.LongColumn;
import org.tregflow.output.ResultTable.TextColumn;

/**
 * Writes a result table as RFC 4180 CSV: UTF-8 without BOM, CRLF line ends, a header row, a field quoted
 * when it holds a comma, quote, CR or LF (quotes doubled). Nulls are empty cells. Numbers use '.' and no
 * grouping; doubles are written with {@link Double#toString(double)}, the shortest text that reads back as
 * the same double (so "full precision", sometimes in exponent form like 1.0E-5, which pandas, R and JS parse).
 *
 * <p>Written by hand to pin these rules down: they are a contract.
 */
public final class CsvTableWriter {
    private static final String EOL = "\r\n";

    private CsvTableWriter() {
    }

    public static void write(ResultTable table, OutputStream out) throws IOException {
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

    static String cell(Column column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        if (column instanceof TextColumn c) {
            return quote(c.get(row));
        }
        if (column instanceof DoubleColumn c) {
            return Double.toString(c.getDouble(row));
        }
        if (column instanceof LongColumn c) {
            return Long.toString(c.getLong(row));
        }
        return Boolean.toString(((BooleanColumn) column).get(row));
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
