package org.tregflow.stats;

/**
 * One patient's endpoint: the statistic at the baseline and endpoint visits, their ratio and whether it reaches
 * the threshold. Unknown numbers are NaN (written as nulls / empty cells).
 *
 * @param met    true/false when evaluable, null when not (then {@code reason} says why)
 * @param reason why the patient is not evaluable, null when evaluable
 */
public record EndpointRow(String patient, String arm, String population, String statistic, String baselineVisit,
                          String endpointVisit, double baselineValue, double endpointValue, double foldChange,
                          double threshold, Boolean met, String reason) {
    public boolean evaluable() {
        return met != null;
    }
}
