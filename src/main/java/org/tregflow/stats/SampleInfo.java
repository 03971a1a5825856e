package org.tregflow.stats;

/**
 * Who and when a sample is: from the sample sheet, a filename pattern or FCS keywords. Any field may be null
 * when unknown (a file missing from the sheet is still processed, with empty patient/visit).
 *
 * @param visitOrder the visit's position in the schedule (from visit_order, day, week or the pipeline's visit list)
 */
public record SampleInfo(String patient, String visit, String arm, Double visitOrder, Double day) {
    public static final SampleInfo UNKNOWN = new SampleInfo(null, null, null, null, null);
}
