package org.tregflow.stats;

/**
 * The trial's endpoint: statistic S of population P at the endpoint visit divided by its value at the baseline
 * visit is at least {@code threshold}.
 *
 * @param statistic       "pct_parent" (default), "pct_total", "count" or "median:MARKER"
 * @param minParentEvents a visit whose population has fewer parent events is not evaluable
 */
public record EndpointSpec(String population, String statistic, String baselineVisit, String endpointVisit,
                           double threshold, long minParentEvents) {
}
