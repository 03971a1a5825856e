package org.tregflow.stats;

import java.util.Locale;

/**
 * The trial's endpoint: statistic S of population P at the endpoint visit divided by its value at the baseline
 * visit is at least {@code threshold}.
 *
 * @param statistic       "pct_parent" (default, also when null), "pct_total", "count" or "median:MARKER"
 * @param minParentEvents a visit whose population has fewer parent events is not evaluable
 */
public record EndpointSpec(String population, String statistic, String baselineVisit, String endpointVisit,
                           double threshold, long minParentEvents) {
    public static final String PCT_PARENT = "pct_parent";
    public static final String PCT_TOTAL = "pct_total";
    public static final String COUNT = "count";
    public static final String MEDIAN_PREFIX = "median:";

    public EndpointSpec {
        if (population == null || population.isBlank()) {
            throw new IllegalArgumentException("endpoint: 'population' is required (e.g. CD25hi Treg)");
        }
        if (baselineVisit == null || baselineVisit.isBlank() || endpointVisit == null || endpointVisit.isBlank()) {
            throw new IllegalArgumentException("endpoint: both 'baseline_visit' and 'endpoint_visit' are required");
        }
        statistic = statistic == null || statistic.isBlank() ? PCT_PARENT : statistic.trim();
        boolean known = statistic.equals(PCT_PARENT) || statistic.equals(PCT_TOTAL) || statistic.equals(COUNT)
                || (statistic.startsWith(MEDIAN_PREFIX) && statistic.length() > MEDIAN_PREFIX.length());
        if (!known) {
            throw new IllegalArgumentException("endpoint: unknown statistic '" + statistic
                    + "'; use pct_parent, pct_total, count or median:MARKER");
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "endpoint: threshold must be a positive fold change (e.g. 2), not %s", threshold));
        }
        if (minParentEvents < 0) {
            throw new IllegalArgumentException("endpoint: min_parent_events must be >= 0, not " + minParentEvents);
        }
    }

    /** The configured statistic of one population of one sample; NaN when undefined (empty parent, no median). */
    public double valueOf(PopulationStats p) {
        switch (statistic) {
            case PCT_PARENT:
                return p.pctParent();
            case PCT_TOTAL:
                return p.pctTotal();
            case COUNT:
                return p.count();
            default:
                Double m = p.medians().get(statistic.substring(MEDIAN_PREFIX.length()));
                return m == null ? Double.NaN : m;
        }
    }
}
