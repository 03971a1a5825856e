package org.tregflow.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tregflow.stats.EndpointRow;

class EndpointTextTest {
    @Test
    void alignedColumns() {
        List<EndpointRow> rows = List.of(
                new EndpointRow("P1", "IL-2", "CD25hi Treg", "pct_parent", "C0", "C4", 20, 45.5, 2.275, 2, true,
                        null),
                new EndpointRow("P10", null, "CD25hi Treg", "pct_parent", "C0", "C4", 18.25, Double.NaN,
                        Double.NaN, 2, null, "no sample for visit C4"),
                new EndpointRow("P2", "IL-2", "CD25hi Treg", "count", "C0", "C4", 15000, 13500, 0.9, 2, false,
                        null),
                new EndpointRow("P3", "IL-2", "CD25hi Treg", "pct_parent", "C0", "C4", 20, Double.NaN,
                        Double.NaN, 2, null, "file x.fcs failed: bad DATA,\n  truncated"));
        String expected = ""
                + "patient  arm   baseline  endpoint    fold  met  reason\n"
                + "P1       IL-2     20.00     45.50   2.275  yes\n"
                + "P10      -        18.25         -       -  -    no sample for visit C4\n"
                + "P2       IL-2     15000     13500  0.9000  no\n"
                + "P3       IL-2     20.00         -       -  -    file x.fcs failed: bad DATA, truncated\n";
        assertEquals(expected, EndpointText.format(rows));
    }
}
