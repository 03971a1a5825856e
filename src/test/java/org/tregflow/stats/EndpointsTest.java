package org.tregflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tregflow.stats.Samples.cd25;
import static org.tregflow.stats.Samples.failed;
import static org.tregflow.stats.Samples.ok;
import static org.tregflow.stats.Samples.pop;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EndpointsTest {
    private static final EndpointSpec PRIMARY = new EndpointSpec("CD25hi Treg", "pct_parent", "C0", "C4", 2.0, 100);

    @Test
    void foldChangeAndThreshold() {
        List<EndpointRow> rows = Endpoints.evaluate(List.of(
                ok("p2_c0", "P2", "C0", "IL-2", 0.0, cd25(20)),
                ok("p2_c4", "P2", "C4", "IL-2", 4.0, cd25(30)),
                ok("p1_c0", "P1", "C0", "IL-2", 0.0, cd25(20)),
                ok("p1_c4", "P1", "C4", "IL-2", 4.0, cd25(40))), PRIMARY);
        assertEquals(2, rows.size());
        EndpointRow p1 = rows.get(0);
        assertEquals("P1", p1.patient(), "rows sorted by patient");
        assertEquals(20.0, p1.baselineValue(), 1e-12);
        assertEquals(40.0, p1.endpointValue(), 1e-12);
        assertEquals(2.0, p1.foldChange(), 1e-12);
        assertEquals(Boolean.TRUE, p1.met(), "exactly the threshold meets it");
        assertNull(p1.reason());
        EndpointRow p2 = rows.get(1);
        assertEquals(1.5, p2.foldChange(), 1e-12);
        assertEquals(Boolean.FALSE, p2.met());
        assertEquals("IL-2", p2.arm());
        assertEquals("pct_parent", p2.statistic());
    }

    @Test
    void visitNamesMatchIgnoringCase() {
        EndpointRow row = Endpoints.evaluate(List.of(
                ok("a", "P1", "c0", null, 0.0, cd25(20)),
                ok("b", "P1", "c4", null, 4.0, cd25(50))), PRIMARY).get(0);
        assertEquals(2.5, row.foldChange(), 1e-12);
        List<VisitRow> visits = Visits.compute(List.of(
                ok("a", "P1", "c0", null, 0.0, cd25(20)),
                ok("b", "P1", "c4", null, 4.0, cd25(50))), List.of(), "C0");
        assertEquals(2.5, visits.get(1).foldChange(), 1e-12);
    }

    @Test
    void missingVisitIsNotEvaluable() {
        EndpointRow row = Endpoints.evaluate(List.of(ok("p1_c0", "P1", "C0", null, 0.0, cd25(20))), PRIMARY).get(0);
        assertNull(row.met());
        assertFalse(row.evaluable());
        assertEquals("no sample for visit C4", row.reason());
        assertEquals(20.0, row.baselineValue(), 1e-12, "the known side is still reported");
        assertTrue(Double.isNaN(row.endpointValue()));
        assertTrue(Double.isNaN(row.foldChange()));
    }

    @Test
    void failedFileIsNamed() {
        EndpointRow row = Endpoints.evaluate(List.of(
                ok("p1_c0.fcs", "P1", "C0", null, 0.0, cd25(20)),
                failed("p1_c4.fcs", "P1", "C4", null, "DATA segment truncated at byte 4096")), PRIMARY).get(0);
        assertNull(row.met());
        assertEquals("file p1_c4.fcs failed: DATA segment truncated at byte 4096", row.reason());
    }

    @Test
    void tooFewParentEvents() {
        EndpointRow row = Endpoints.evaluate(List.of(
                ok("p1_c0.fcs", "P1", "C0", null, 0.0, cd25(20)),
                ok("p1_c4.fcs", "P1", "C4", null, 4.0, pop("CD25hi Treg", "Treg", 10, 37))), PRIMARY).get(0);
        assertNull(row.met());
        assertEquals("parent Treg has 37 events at C4, fewer than 100", row.reason());
    }

    @Test
    void zeroBaselineIsNotEvaluable() {
        EndpointRow row = Endpoints.evaluate(List.of(
                ok("p1_c0.fcs", "P1", "C0", null, 0.0, cd25(0)),
                ok("p1_c4.fcs", "P1", "C4", null, 4.0, cd25(30))), PRIMARY).get(0);
        assertNull(row.met());
        assertEquals(0.0, row.baselineValue());
        assertTrue(Double.isNaN(row.foldChange()));
        assertEquals("pct_parent of CD25hi Treg is 0 at baseline visit C0: fold change undefined", row.reason());
    }

    @Test
    void bothVisitsMissingGivesBothReasons() {
        EndpointRow row = Endpoints.evaluate(List.of(
                failed("p1_w2.fcs", "P1", "W2", null, "bad")), PRIMARY).get(0);
        assertEquals("no sample for visit C0; no sample for visit C4", row.reason());
    }

    @Test
    void replicatesAreAveragedAndUnusableOnesSkipped() {
        EndpointRow row = Endpoints.evaluate(List.of(
                ok("a", "P1", "C0", null, 0.0, cd25(18)),
                ok("b", "P1", "C0", null, 0.0, cd25(22)),
                failed("c", "P1", "C4", null, "unreadable"),
                ok("d", "P1", "C4", null, 4.0, pop("CD25hi Treg", "Treg", 5, 12)), // too few parent events
                ok("e", "P1", "C4", null, 4.0, cd25(50))), PRIMARY).get(0);
        assertEquals(20.0, row.baselineValue(), 1e-12);
        assertEquals(50.0, row.endpointValue(), 1e-12);
        assertEquals(2.5, row.foldChange(), 1e-12);
        assertEquals(Boolean.TRUE, row.met());
    }

    @Test
    void patientsWithoutIdAreNotInTheTable() {
        List<EndpointRow> rows = Endpoints.evaluate(List.of(
                ok("stray", null, "C0", null, 0.0, cd25(20)),
                failed("broken", null, null, null, "not an FCS file")), PRIMARY);
        assertTrue(rows.isEmpty());
    }

    @Test
    void medianStatistic() {
        EndpointSpec mfi = new EndpointSpec("Treg", "median:CD25", "C0", "C4", 1.5, 0);
        EndpointRow row = Endpoints.evaluate(List.of(
                ok("a", "P1", "C0", null, 0.0, pop("Treg", "CD4+", 50, 1000, Map.of("CD25", 800.0))),
                ok("b", "P1", "C4", null, 4.0, pop("Treg", "CD4+", 50, 1000, Map.of("CD25", 1400.0)))), mfi).get(0);
        assertEquals(1.75, row.foldChange(), 1e-12);
        assertEquals(Boolean.TRUE, row.met());
    }

    @Test
    void specRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new EndpointSpec("Treg", "mean", "C0", "C4", 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new EndpointSpec("Treg", null, "C0", "C4", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new EndpointSpec("Treg", null, null, "C4", 2, 0));
        assertEquals("pct_parent", new EndpointSpec("Treg", null, "C0", "C4", 2, 0).statistic());
    }
}
