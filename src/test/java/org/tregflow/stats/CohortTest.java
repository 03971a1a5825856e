package org.tregflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Reference values are hand-computed where short (hypergeometric sums, rank sums) and cross-checked with
 * scipy.stats 1.17 (fisher_exact, mannwhitneyu(method="exact"), wilcoxon(method="exact")).
 */
class CohortTest {
    private static EndpointRow patient(String id, String arm, double baseline, double endpoint, double threshold) {
        double fold = endpoint / baseline;
        return new EndpointRow(id, arm, "CD25hi Treg", "pct_parent", "C0", "C4", baseline, endpoint, fold,
                threshold, fold >= threshold, null);
    }

    private static EndpointRow notEvaluable(String id, String arm) {
        return new EndpointRow(id, arm, "CD25hi Treg", "pct_parent", "C0", "C4", 20, Double.NaN, Double.NaN, 2,
                null, "no sample for visit C4");
    }

    private static CohortRow row(List<CohortRow> rows, String arm, String measure) {
        return rows.stream().filter(r -> java.util.Objects.equals(arm, r.arm()) && r.measure().equals(measure))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + arm + "/" + measure));
    }

    /** Arm A: 3 of 10 met; arm B: 0 of 10 met. */
    private static List<EndpointRow> threeOfTenVersusNone() {
        List<EndpointRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(patient("A" + i, "A", 10, i < 3 ? 25 + i : 11 + i * 0.5, 2));
            rows.add(patient("B" + i, "B", 10, 10 + i * 0.3, 2));
        }
        return rows;
    }

    @Test
    void perArmCountsAndClopperPearson() {
        List<EndpointRow> endpoint = new ArrayList<>(threeOfTenVersusNone());
        endpoint.add(notEvaluable("A99", "A"));
        List<CohortRow> rows = Cohort.summarize(endpoint);
        assertEquals(11, row(rows, "A", "patients").value());
        assertEquals(10, row(rows, "A", "evaluable").value());
        assertEquals(3, row(rows, "A", "met").value());
        CohortRow p = row(rows, "A", "proportion_met");
        assertEquals(10, p.n());
        assertEquals(0.3, p.value(), 1e-15);
        assertEquals(0.0667, p.ciLow(), 5e-5);
        assertEquals(0.6525, p.ciHigh(), 5e-5);
        assertEquals(CohortRow.SCOPE_ARM, p.scope());
        // fold changes of A: 2.5, 2.6, 2.7 and (i = 3..9) 1.25, 1.3, ..., 1.55; sorted, the 5th and 6th of 10
        // are 1.45 and 1.5
        CohortRow median = row(rows, "A", "median_fold_change");
        assertEquals(10, median.n());
        assertEquals((1.45 + 1.5) / 2, median.value(), 1e-12);
    }

    @Test
    void fisherOnMetVersusNotMet() {
        List<CohortRow> rows = Cohort.summarize(threeOfTenVersusNone());
        CohortRow fisher = row(rows, "A vs B", "met_vs_not_met");
        assertEquals(CohortRow.SCOPE_BETWEEN, fisher.scope());
        assertEquals("fisher_exact", fisher.test());
        assertEquals(20, fisher.n());
        // [[3,7],[0,10]]: P(X=3) = P(X=0) = C(10,3)/C(20,3) = 120/1140; two-sided p = 240/1140 = 4/19
        assertEquals(4.0 / 19, fisher.pValue(), 1e-12);
        assertTrue(Double.isNaN(fisher.statistic()), "infinite odds ratio is written as null");
    }

    /** Arm A fold changes {2.5,3.1,1.2,0.9,2.2,1.1,4.0}, arm B {1.05,0.95,0.8,1.3,0.7,1.15}; threshold 2. */
    private static List<EndpointRow> mannWhitneyCase() {
        List<EndpointRow> rows = new ArrayList<>();
        double[] a = {2.5, 3.1, 1.2, 0.9, 2.2, 1.1, 4.0};
        double[] b = {1.05, 0.95, 0.8, 1.3, 0.7, 1.15};
        for (int i = 0; i < a.length; i++) {
            rows.add(patient("A" + i, "A", 8, 8 * a[i], 2));
        }
        for (int i = 0; i < b.length; i++) {
            rows.add(patient("B" + i, "B", 8, 8 * b[i], 2));
        }
        return rows;
    }

    @Test
    void mannWhitneyOnFoldChanges() {
        CohortRow u = row(Cohort.summarize(mannWhitneyCase()), "A vs B", "fold_change");
        assertEquals("mann_whitney_u", u.test());
        assertEquals(13, u.n());
        // U of A = pairs (a, b) with a > b: 2.5, 3.1, 2.2, 4.0 beat all 6 (24); 1.2 beats 5 (not 1.3);
        // 0.9 beats 0.8, 0.7 (2); 1.1 beats 1.05, 0.95, 0.8, 0.7 (4) -> 35
        assertEquals(35, u.statistic(), 1e-12);
        assertEquals(0.05128205128205128, u.pValue(), 1e-12); // exact: scipy, = 88/1716
    }

    @Test
    void fisherWithFourOfSeven() {
        CohortRow f = row(Cohort.summarize(mannWhitneyCase()), "A vs B", "met_vs_not_met");
        // [[4,3],[0,6]]: C(13,4) = 715; P(X=4) = 35, P(X=0) = 15 (in 715ths), the rest larger: p = 50/715
        assertEquals(50.0 / 715, f.pValue(), 1e-12);
    }

    @Test
    void wilcoxonBaselineVersusEndpoint() {
        double[] d = {1.5, -0.5, 2.0, 3.0, -1.0, 4.0, 2.5, 0.75};
        List<EndpointRow> endpoint = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            endpoint.add(patient("X" + i, "X", 10, 10 + d[i], 1.2));
        }
        CohortRow w = row(Cohort.summarize(endpoint), "X", "baseline_vs_endpoint");
        assertEquals("wilcoxon_signed_rank", w.test());
        assertEquals(8, w.n());
        // ranks of |d|: 0.5→1, 0.75→2, 1→3, 1.5→4, 2→5, 2.5→6, 3→7, 4→8; negatives 1 + 3 = 4, so W+ = 36 - 4 = 32
        assertEquals(32, w.statistic(), 1e-12);
        // exact: P(W- <= 4) = 7/256 (subsets of 1..8 with sum <= 4), two-sided 14/256
        assertEquals(14.0 / 256, w.pValue(), 1e-12);
    }

    @Test
    void wilcoxonWithAZeroDifferenceUsesPratt() {
        double[] d = {1.5, -0.5, 2.0, 3.0, -1.0, 4.0, 2.5, 0.75, 0};
        List<EndpointRow> endpoint = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            endpoint.add(patient("X" + i, "X", 10, 10 + d[i], 1.2));
        }
        CohortRow w = row(Cohort.summarize(endpoint), "X", "baseline_vs_endpoint");
        // the zero takes rank 1, the others shift up by one: W+ = 45 - 1 - (2 + 4) = 38
        assertEquals(38, w.statistic(), 1e-12);
        // scipy.stats.wilcoxon(d, zero_method="pratt", method="approx", correction=True)
        assertEquals(0.0658399776970815, w.pValue(), 1e-12);
    }

    @Test
    void wilcoxonWithoutAnyChangeIsNotComputable() {
        List<EndpointRow> endpoint = List.of(patient("X1", "X", 10, 10, 2), patient("X2", "X", 5, 5, 2));
        CohortRow w = row(Cohort.summarize(endpoint), "X", "baseline_vs_endpoint");
        assertEquals(2, w.n());
        assertTrue(Double.isNaN(w.pValue()) && Double.isNaN(w.statistic()));
    }

    @Test
    void oneArmOnlyHasNoComparison() {
        List<CohortRow> rows = Cohort.summarize(mannWhitneyCase().subList(0, 7));
        assertTrue(rows.stream().noneMatch(r -> r.scope().equals(CohortRow.SCOPE_BETWEEN)));
        assertEquals(6, rows.size(), "patients, evaluable, met, proportion_met, median_fold_change, wilcoxon");
    }

    @Test
    void noPatientsNoRows() {
        assertTrue(Cohort.summarize(List.of()).isEmpty());
    }

    @Test
    void armWithoutEvaluablePatientsKeepsItsRowsWithNulls() {
        List<CohortRow> rows = Cohort.summarize(List.of(notEvaluable("P1", null), notEvaluable("P2", null)));
        assertEquals(2, row(rows, null, "patients").value());
        assertEquals(0, row(rows, null, "evaluable").value());
        CohortRow p = row(rows, null, "proportion_met");
        assertTrue(Double.isNaN(p.value()) && Double.isNaN(p.ciLow()) && Double.isNaN(p.ciHigh()));
        assertTrue(Double.isNaN(row(rows, null, "median_fold_change").value()));
        CohortRow w = row(rows, null, "baseline_vs_endpoint");
        assertTrue(Double.isNaN(w.pValue()) && Double.isNaN(w.statistic()));
    }

    @Test
    void patientsWithoutArmAreListedLastAndNotCompared() {
        List<EndpointRow> endpoint = new ArrayList<>(mannWhitneyCase());
        endpoint.add(0, patient("Z", null, 10, 30, 2));
        List<CohortRow> rows = Cohort.summarize(endpoint);
        assertEquals("A", rows.get(0).arm());
        assertNull(rows.get(rows.size() - 3).arm(), "null-arm group just before the two comparisons");
        assertEquals(13, row(rows, "A vs B", "fold_change").n());
    }
}
