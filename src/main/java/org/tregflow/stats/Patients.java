package org.tregflow.stats;

import java.util.List;

/** Small lookups over a result set by patient id. */
final class Patients {
    private Patients() {
    }

    /**
     * The patient's arm: the first arm named by any of the patient's samples (ok or failed), null when none.
     * A sample sheet naming two arms for one patient is an error the pipeline reports; here the first wins.
     */
    static String arm(List<SampleResult> results, String patient) {
        for (SampleResult r : results) {
            SampleInfo info = r.info();
            if (info != null && patient.equals(info.patient()) && info.arm() != null) {
                return info.arm();
            }
        }
        return null;
    }
}
