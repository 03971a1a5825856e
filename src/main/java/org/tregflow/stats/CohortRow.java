package org.tregflow.stats;

/**
 * One row of the tidy {@code cohort} table. A row is either a per-arm measure ({@code scope} "arm") or a
 * between-arm comparison ({@code scope} "between_arms", {@code arm} "A vs B"). Columns that do not apply to a
 * row are NaN / null (empty cells).
 *
 * @param measure   patients, evaluable, met, proportion_met, median_fold_change, baseline_vs_endpoint,
 *                  met_vs_not_met, fold_change
 * @param n         the number of patients (or pairs) the row is computed from
 * @param value     the measure's value (a count, a proportion or a median)
 * @param ciLow     lower end of the 95% interval (proportion_met: Clopper-Pearson)
 * @param test      the test's name for rows that are tests: wilcoxon_signed_rank, fisher_exact, mann_whitney_u
 * @param statistic the test statistic: Wilcoxon W+ (sum of ranks of positive endpoint - baseline differences),
 *                  Fisher's sample odds ratio (null when infinite), Mann-Whitney U of the first arm
 * @param pValue    two-sided p-value
 */
public record CohortRow(String scope, String arm, String measure, long n, double value, double ciLow,
                        double ciHigh, String test, double statistic, double pValue) {
    public static final String SCOPE_ARM = "arm";
    public static final String SCOPE_BETWEEN = "between_arms";
}
