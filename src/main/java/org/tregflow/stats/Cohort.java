package org.tregflow.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Summarises the endpoint rows by arm, in a long ("tidy") layout that pandas/R filter by {@code scope} and
 * {@code measure} (see {@link CohortRow}).
 *
 * <p>Per arm (sorted by name; patients without an arm form a group with a null arm, listed last): patients,
 * evaluable, met, proportion_met with its 95% Clopper-Pearson interval, median_fold_change over evaluable
 * patients, and a two-sided Wilcoxon signed-rank test of endpoint vs baseline values (exact for fewer than 50
 * pairs without ties or zero differences; otherwise the normal approximation with continuity correction, zero
 * differences ranked with the others but counted in neither sum: Pratt's method, as scipy's
 * {@code wilcoxon(zero_method="pratt")}).
 * Between arms, when exactly two named arms exist: Fisher's exact test (two-sided) on met vs not met, and a
 * two-sided Mann-Whitney U test on the fold changes. A test that cannot be computed (too few values) has a
 * null statistic and p-value but keeps its row, so the table's shape does not depend on the data.
 */
public final class Cohort {
    public static final double CONFIDENCE = 0.95;

    private Cohort() {
    }

    public static List<CohortRow> summarize(List<EndpointRow> endpoint) {
        Map<String, List<EndpointRow>> byArm = new LinkedHashMap<>();
        endpoint.stream().map(EndpointRow::arm).distinct()
                .sorted(Comparator.nullsLast(Comparator.naturalOrder()))
                .forEach(a -> byArm.put(a, new ArrayList<>()));
        for (EndpointRow r : endpoint) {
            byArm.get(r.arm()).add(r);
        }
        List<CohortRow> rows = new ArrayList<>();
        byArm.forEach((arm, patients) -> perArm(arm, patients, rows));
        List<String> named = byArm.keySet().stream().filter(Objects::nonNull).toList();
        if (named.size() == 2) {
            betweenArms(named.get(0), byArm.get(named.get(0)), named.get(1), byArm.get(named.get(1)), rows);
        }
        return rows;
    }

    private static void perArm(String arm, List<EndpointRow> patients, List<CohortRow> rows) {
        int evaluable = (int) patients.stream().filter(EndpointRow::evaluable).count();
        int met = (int) patients.stream().filter(r -> Boolean.TRUE.equals(r.met())).count();
        rows.add(count(arm, "patients", patients.size()));
        rows.add(count(arm, "evaluable", evaluable));
        rows.add(count(arm, "met", met));
        if (evaluable > 0) {
            ClopperPearson.Interval ci = ClopperPearson.interval(met, evaluable, CONFIDENCE);
            rows.add(new CohortRow(CohortRow.SCOPE_ARM, arm, "proportion_met", evaluable, (double) met / evaluable,
                    ci.lower(), ci.upper(), null, Double.NaN, Double.NaN));
        } else {
            rows.add(new CohortRow(CohortRow.SCOPE_ARM, arm, "proportion_met", 0, Double.NaN, Double.NaN,
                    Double.NaN, null, Double.NaN, Double.NaN));
        }
        double[] folds = foldChanges(patients);
        rows.add(new CohortRow(CohortRow.SCOPE_ARM, arm, "median_fold_change", folds.length, median(folds),
                Double.NaN, Double.NaN, null, Double.NaN, Double.NaN));
        List<EndpointRow> pairs = patients.stream().filter(EndpointRow::evaluable).toList();
        double[] endValues = pairs.stream().mapToDouble(EndpointRow::endpointValue).toArray();
        double[] baseValues = pairs.stream().mapToDouble(EndpointRow::baselineValue).toArray();
        SignificanceResult w = attempt(() -> WilcoxonSignedRankTest.withDefaults().test(endValues, baseValues));
        rows.add(new CohortRow(CohortRow.SCOPE_ARM, arm, "baseline_vs_endpoint", pairs.size(), Double.NaN,
                Double.NaN, Double.NaN, "wilcoxon_signed_rank", statistic(w), pValue(w)));
    }

    private static void betweenArms(String armA, List<EndpointRow> a, String armB, List<EndpointRow> b,
                                    List<CohortRow> rows) {
        String label = armA + " vs " + armB;
        int[][] table = {metTally(a), metTally(b)};
        long evaluable = (long) table[0][0] + table[0][1] + table[1][0] + table[1][1];
        SignificanceResult f = attempt(() -> FisherExactTest.withDefaults().test(table));
        rows.add(new CohortRow(CohortRow.SCOPE_BETWEEN, label, "met_vs_not_met", evaluable, Double.NaN, Double.NaN,
                Double.NaN, "fisher_exact", statistic(f), pValue(f)));
        double[] fa = foldChanges(a);
        double[] fb = foldChanges(b);
        SignificanceResult u = fa.length == 0 || fb.length == 0 ? null
                : attempt(() -> MannWhitneyUTest.withDefaults().test(fa, fb));
        rows.add(new CohortRow(CohortRow.SCOPE_BETWEEN, label, "fold_change", fa.length + fb.length, Double.NaN,
                Double.NaN, Double.NaN, "mann_whitney_u", statistic(u), pValue(u)));
    }

    /** {met, not met} among evaluable patients. */
    private static int[] metTally(List<EndpointRow> patients) {
        int met = 0;
        int notMet = 0;
        for (EndpointRow r : patients) {
            if (Boolean.TRUE.equals(r.met())) {
                met++;
            } else if (Boolean.FALSE.equals(r.met())) {
                notMet++;
            }
        }
        return new int[] {met, notMet};
    }

    private static CohortRow count(String arm, String measure, int value) {
        return new CohortRow(CohortRow.SCOPE_ARM, arm, measure, value, value, Double.NaN, Double.NaN, null,
                Double.NaN, Double.NaN);
    }

    private static double[] foldChanges(List<EndpointRow> patients) {
        return patients.stream().filter(EndpointRow::evaluable).mapToDouble(EndpointRow::foldChange)
                .filter(Double::isFinite).toArray();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    private interface Test {
        SignificanceResult run();
    }

    /**
     * A test on too few values (no pairs, all differences zero, an empty margin) is reported as not computable
     * (null) rather than failing the whole run: commons-statistics signals that with IllegalArgumentException.
     */
    private static SignificanceResult attempt(Test test) {
        try {
            return test.run();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double statistic(SignificanceResult r) {
        return r == null || !Double.isFinite(r.getStatistic()) ? Double.NaN : r.getStatistic();
    }

    private static double pValue(SignificanceResult r) {
        return r == null ? Double.NaN : r.getPValue();
    }
}
