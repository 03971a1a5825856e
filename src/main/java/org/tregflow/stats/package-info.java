/**
 * What the pipeline measured ({@link org.tregflow.stats.SampleResult} per input file) and the statistics derived
 * from it: per-visit fold changes ({@link org.tregflow.stats.Visits}), the per-patient endpoint
 * ({@link org.tregflow.stats.Endpoints}) and the cohort summary by arm ({@link org.tregflow.stats.Cohort}, with
 * {@link org.tregflow.stats.ClopperPearson} intervals and commons-statistics tests). Unknown numbers are NaN in
 * these records and become nulls in the written tables ({@link org.tregflow.output}).
 */
package org.tregflow.stats;
