package org.tregflow.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.tregflow.output.ResultTable.BooleanColumn;
import org.tregflow.output.ResultTable.DoubleColumn;
import org.tregflow.output.ResultTable.LongColumn;
import org.tregflow.output.ResultTable.TextColumn;

class CsvTableWriterTest {
    private static String csv(ResultTable t) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter.write(t, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quotingNullsAndNumbers() throws IOException {
        TextColumn s = TextColumn.create("text, with comma");
        s.append("plain");
        s.append("a,b");
        s.append("say \"hi\"");
        s.append("two\nlines");
        s.appendMissing();
        LongColumn l = LongColumn.create("n");
        l.append(0);
        l.append(-9_007_199_254_740_993L); // beyond 2^53: must not pass through a double
        l.append(1_234_567);
        l.appendMissing();
        l.append(Long.MAX_VALUE);
        DoubleColumn d = DoubleColumn.create("x");
        d.append(0.1 + 0.2);
        d.append(1e-7);
        d.append(1234567.0);
        d.append(Double.NaN);
        d.append(-2.5);
        BooleanColumn b = BooleanColumn.create("met");
        b.append(true);
        b.append(false);
        b.appendMissing();
        b.append(true);
        b.appendMissing();
        String text = csv(ResultTable.create("t", s, l, d, b));
        String expected = "\"text, with comma\",n,x,met\r\n"
                + "plain,0,0.30000000000000004,true\r\n"
                + "\"a,b\",-9007199254740993,1.0E-7,false\r\n"
                + "\"say \"\"hi\"\"\",1234567,1234567.0,\r\n"
                + "\"two\nlines\",,,true\r\n"
                + ",9223372036854775807,-2.5,\r\n";
        assertEquals(expected, text);
    }

    @Test
    void doublesRoundTripExactly() throws IOException {
        DoubleColumn d = DoubleColumn.create("x");
        double[] values = {Math.PI, 1.0 / 3, 6.02214076e23, Double.MIN_NORMAL, 100.0 * 37 / 1037};
        for (double v : values) {
            d.append(v);
        }
        String[] lines = csv(ResultTable.create("t", d)).split("\r\n");
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], Double.parseDouble(lines[i + 1]));
        }
    }

    @Test
    void emptyTableHasOnlyItsHeader() throws IOException {
        assertEquals("a,b\r\n", csv(ResultTable.create("t", TextColumn.create("a"), DoubleColumn.create("b"))));
    }
}
