package org.tregflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tregflow.stats.Samples.failed;
import static org.tregflow.stats.Samples.ok;
import static org.tregflow.stats.Samples.pop;

import java.util.List;

import org.junit.jupiter.api.Test;

class VisitsTest {
    private static final List<String> ORDER = List.of("CD4+", "Treg");

    @Test
    void foldChangeVersusBaselineVisit() {
        List<SampleResult> results = List.of(
                // out of schedule order on purpose: rows must follow visit_order
                ok("p1_c4.fcs", "P1", "C4", "IL-2", 4.0, pop("CD4+", "T cells", 600, 1000),
                        pop("Treg", "CD4+", 60, 600)),
                ok("p1_c0.fcs", "P1", "C0", "IL-2", 0.0, pop("CD4+", "T cells", 500, 1000),
                        pop("Treg", "CD4+", 25, 500)));
        List<VisitRow> rows = Visits.compute(results, ORDER, "C0");
        assertEquals(4, rows.size());
        VisitRow c0cd4 = rows.get(0);
        assertEquals("C0", c0cd4.visit());
        assertEquals("CD4+", c0cd4.population());
        assertEquals(50.0, c0cd4.pctParent(), 1e-12);
        assertEquals(1.0, c0cd4.foldChange(), 1e-12);
        assertEquals(0.0, c0cd4.log2FoldChange(), 1e-12);
        VisitRow c4treg = rows.get(3);
        assertEquals("C4", c4treg.visit());
        assertEquals("Treg", c4treg.population());
        assertEquals("IL-2", c4treg.arm());
        assertEquals(4.0, c4treg.visitOrder());
        assertEquals(10.0, c4treg.pctParent(), 1e-12);        // 60 / 600
        assertEquals(5.0, c4treg.baselinePctParent(), 1e-12); // 25 / 500
        assertEquals(2.0, c4treg.foldChange(), 1e-12);
        assertEquals(1.0, c4treg.log2FoldChange(), 1e-12);
        assertEquals(1, c4treg.samples());
    }

    @Test
    void replicatesAreAveraged() {
        List<SampleResult> results = List.of(
                ok("a.fcs", "P1", "C0", null, 0.0, pop("Treg", "CD4+", 40, 1000)),
                ok("b.fcs", "P1", "C0", null, 0.0, pop("Treg", "CD4+", 60, 1000)),
                ok("c.fcs", "P1", "C4", null, 4.0, pop("Treg", "CD4+", 90, 1000)),
                ok("d.fcs", "P1", "C4", null, 4.0, pop("Treg", "CD4+", 110, 1000)),
                ok("e.fcs", "P1", "C4", null, 4.0, pop("Treg", "CD4+", 100, 1000)));
        List<VisitRow> rows = Visits.compute(results, ORDER, "C0");
        assertEquals(2, rows.size());
        assertEquals(5.0, rows.get(0).pctParent(), 1e-12);  // mean of 4 % and 6 %
        assertEquals(2, rows.get(0).samples());
        assertEquals(10.0, rows.get(1).pctParent(), 1e-12); // mean of 9, 11, 10 %
        assertEquals(3, rows.get(1).samples());
        assertEquals(2.0, rows.get(1).foldChange(), 1e-12);
    }

    @Test
    void missingOrZeroBaselineLeavesFoldChangeUnknown() {
        List<SampleResult> results = List.of(
                ok("p1_c4.fcs", "P1", "C4", null, 4.0, pop("Treg", "CD4+", 50, 1000)),
                ok("p2_c0.fcs", "P2", "C0", null, 0.0, pop("Treg", "CD4+", 0, 1000)),
                ok("p2_c4.fcs", "P2", "C4", null, 4.0, pop("Treg", "CD4+", 30, 1000)));
        List<VisitRow> rows = Visits.compute(results, ORDER, "C0");
        assertEquals(3, rows.size());
        VisitRow p1 = rows.get(0);
        assertEquals("P1", p1.patient());
        assertTrue(Double.isNaN(p1.baselinePctParent()));
        assertTrue(Double.isNaN(p1.foldChange()));
        VisitRow p2c0 = rows.get(1);
        assertEquals(0.0, p2c0.pctParent());
        assertTrue(Double.isNaN(p2c0.foldChange()), "0 / 0 is undefined");
        VisitRow p2c4 = rows.get(2);
        assertEquals(0.0, p2c4.baselinePctParent());
        assertTrue(Double.isNaN(p2c4.foldChange()), "a rise from 0 has no fold change");
        assertTrue(Double.isNaN(p2c4.log2FoldChange()));
    }

    @Test
    void failedFilesAndUnknownPatientsAreLeftOut() {
        List<SampleResult> results = List.of(
                failed("p1_c0.fcs", "P1", "C0", null, "truncated DATA"),
                ok("p1_c4.fcs", "P1", "C4", null, 4.0, pop("Treg", "CD4+", 50, 1000)),
                ok("stray.fcs", null, null, null, null, pop("Treg", "CD4+", 50, 1000)));
        List<VisitRow> rows = Visits.compute(results, ORDER, "C0");
        assertEquals(1, rows.size());
        assertEquals("C4", rows.get(0).visit());
        assertTrue(Double.isNaN(rows.get(0).foldChange()));
    }

    @Test
    void withoutEndpointTheEarliestVisitIsTheBaseline() {
        List<SampleResult> results = List.of(
                ok("w12.fcs", "P1", "W12", null, 12.0, pop("Treg", "CD4+", 90, 1000)),
                ok("w0.fcs", "P1", "W0", null, 0.0, pop("Treg", "CD4+", 30, 1000)));
        List<VisitRow> rows = Visits.compute(results, ORDER, null);
        assertEquals("W0", rows.get(0).visit());
        assertEquals(3.0, rows.get(1).foldChange(), 1e-12);
    }

    @Test
    void emptyParentGivesUnknownPercentage() {
        List<SampleResult> results = List.of(ok("x.fcs", "P1", "C0", null, 0.0, pop("Treg", "CD4+", 0, 0)));
        List<VisitRow> rows = Visits.compute(results, ORDER, "C0");
        assertEquals(1, rows.size());
        assertTrue(Double.isNaN(rows.get(0).pctParent()));
        assertEquals(0, rows.get(0).samples());
        assertNull(rows.get(0).arm());
    }
}
