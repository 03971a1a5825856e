package org.tregflow.stats;

/**
 * One row of the {@code visits} table: a population's % of parent for one patient at one visit, and its fold
 * change versus the patient's baseline visit. Unknown numbers are NaN (written as nulls / empty cells).
 *
 * @param visitOrder the visit's position in the schedule, or null when unknown
 * @param samples    how many ok samples (replicates) were averaged into {@code pctParent}
 */
public record VisitRow(String patient, String arm, String visit, Double visitOrder, String population,
                       double pctParent, double baselinePctParent, double foldChange, double log2FoldChange,
                       int samples) {
}
