package org.tregflow.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small lookups over a result set by patient id. */
final class Patients {
    private Patients() {
    }

    /**
     * Each patient's arm: the first arm named by any of the patient's samples (ok or failed); patients with no
     * arm are absent. A sample sheet naming two arms for one patient is an error the pipeline reports; here the
     * first wins.
     */
    static Map<String, String> arms(List<SampleResult> results) {
        Map<String, String> arms = new HashMap<>();
        for (SampleResult r : results) {
            SampleInfo info = r.info();
            if (info != null && info.patient() != null && info.arm() != null) {
                arms.putIfAbsent(info.patient(), info.arm());
            }
        }
        return arms;
    }
}
