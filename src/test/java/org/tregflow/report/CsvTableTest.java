package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {
    @Test
    void readsRfc4180() {
        CsvTable t = CsvTable.parse("\uFEFFsample_id,error,events\r\n"
                + "a.fcs,,100\r\n"
                + "\"b,1.fcs\",\"bad \"\"TEXT\"\"\r\nsegment\",\r\n"
                + "c.fcs,x,1e3", "samples.csv");
        assertEquals(List.of("sample_id", "error", "events"), t.columns());
        assertEquals(3, t.size());
        assertEquals("b,1.fcs", t.get(1, "sample_id"));
        assertEquals("bad \"TEXT\"\r\nsegment", t.get(1, "error"));
        assertEquals("", t.get(1, "events"));
        assertTrue(Double.isNaN(t.number(1, "events")), "empty cell is unknown");
        assertEquals(1000, t.number(2, "events"));
        assertEquals("", t.get(0, "no_such_column"), "missing optional column reads as empty");
    }

    @Test
    void unterminatedQuoteIsAnError() {
        ReportException e = assertThrows(ReportException.class, () -> CsvTable.parse("a\n\"open", "x.csv"));
        assertTrue(e.getMessage().startsWith("x.csv: a quoted field"), e.getMessage());
    }
}
